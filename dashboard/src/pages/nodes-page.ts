import { loadNodes } from '../api/cluster-source.js';
import type { NodeView } from '../api/model.js';
import type { Page } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { formatBytes, formatCount, formatTime } from '../ui/format.js';
import { emptyState, errorState, loading } from '../ui/notice.js';
import { poll } from '../ui/poll.js';

/** Each node: address, slots used and free, hardware, its system figures and the subtasks it runs. */
export const nodesPage: Page = (root, _route, context) => {
  context.setTitle('Nodes');
  const list = h('div', { class: 'nodes' }, loading());
  const problem = h('div');
  fill(root, h('h1', null, 'Nodes'), problem, list);
  poll(
    async () => {
      const nodes = await loadNodes(context.http, context.config, context.signal);
      problem.replaceChildren();
      const open = new Set([...list.querySelectorAll('details[open]')].map((d) => (d as HTMLElement).dataset.node));
      fill(list, nodes.length === 0 ? emptyState('No nodes.') : nodes.map((node) => nodeCard(node, context.config.dynamicSlots, open.has(node.id))));
    },
    context.config.refreshMs,
    context.signal,
    (error) => fill(problem, errorState(error)),
  );
};

function nodeCard(node: NodeView, dynamicSlots: boolean, systemOpen: boolean): HTMLElement {
  const used = node.slotsTotal === null || node.slotsFree === null ? null : node.slotsTotal - node.slotsFree;
  const meter =
    !dynamicSlots && node.slotsTotal !== null && node.slotsTotal > 0 && used !== null
      ? h('meter', { min: '0', max: String(node.slotsTotal), value: String(used), 'aria-label': `${used} of ${node.slotsTotal} slots used` })
      : null;
  const system = Object.entries(node.system);
  return h(
    'section',
    { class: 'panel node', 'aria-label': `Node ${node.address || node.id}` },
    h('h2', null, node.id),
    h(
      'dl',
      { class: 'facts' },
      dynamicSlots ? fact('Slots used', formatCount(used ?? node.subtasks.length)) : fact('Slots used', `${formatCount(used)} of ${formatCount(node.slotsTotal)}`),
      fact('Slots free', dynamicSlots ? 'dynamic' : formatCount(node.slotsFree)),
      fact('CPU cores', formatCount(node.cores)),
      fact('Physical memory', node.memory.total === null ? (node.system['physical.memory.total'] ?? '–') : formatBytes(node.memory.total)),
      fact('Heap used', node.system['heap.memory.used'] ?? '–'),
      fact('Heap max', node.system['heap.memory.max'] ?? '–'),
      fact('Process load', node.system['load.process'] ?? '–'),
      fact('Last heartbeat', formatTime(node.heartbeat)),
    ),
    meter,
    h('h3', null, `Running subtasks (${node.subtasks.length})`),
    node.subtasks.length === 0
      ? h('p', { class: 'muted' }, 'No subtask is running on this node.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'table responsive' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Job'), h('th', { scope: 'col' }, 'Pipeline'), h('th', { scope: 'col', class: 'num' }, 'Subtask'))),
            h(
              'tbody',
              null,
              node.subtasks.map((task) =>
                h('tr', null, h('td', { 'data-label': 'Job' }, h('a', { href: `#/jobs/${encodeURIComponent(task.jobId)}` }, task.jobName || task.jobId)), h('td', { 'data-label': 'Pipeline' }, `pipeline-${task.pipeline}`), h('td', { class: 'num', 'data-label': 'Subtask' }, String(task.subtask))),
              ),
            ),
          ),
        ),
    system.length === 0
      ? null
      : h('details', { class: 'system', open: systemOpen, 'data-node': node.id }, h('summary', null, `System information (${system.length} figures)`), h('table', { class: 'table kv' }, h('tbody', null, system.map(([key, value]) => h('tr', null, h('th', { scope: 'row' }, key), h('td', null, value)))))),
  );
}

function fact(label: string, value: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', null, value));
}
