import { fill, h, uid } from './dom.js';

/** Editable `name = value` rows for `${name}` substitutions in the config. */
export class VariableList {
  readonly element: HTMLElement;
  private readonly rows: { name: HTMLInputElement; value: HTMLInputElement; row: HTMLElement }[] = [];
  private readonly list = h('div', { class: 'variable-rows' });

  constructor(private readonly onChange: () => void) {
    this.element = h(
      'fieldset',
      { class: 'variables' },
      h('legend', null, 'Variables'),
      h('p', { class: 'hint' }, 'Replace ', h('code', null, '${name}'), ' in the config before it is sent, as ', h('code', null, 'sluice run -i name=value'), ' does.'),
      this.list,
      h('button', { type: 'button', class: 'button small', onclick: () => this.add() }, 'Add variable'),
    );
  }

  values(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const { name, value } of this.rows) if (name.value.trim() !== '') result[name.value.trim()] = value.value;
    return result;
  }

  private add(): void {
    const n = uid('var');
    const name = h('input', { id: `${n}-name`, autocomplete: 'off', placeholder: 'name' });
    const value = h('input', { id: `${n}-value`, autocomplete: 'off', placeholder: 'value' });
    const entry = { name, value, row: h('div') };
    const remove = h('button', { type: 'button', class: 'button small', 'aria-label': 'Remove variable', onclick: () => this.remove(entry) }, '✕');
    fill(entry.row, h('label', { for: name.id, class: 'visually-hidden' }, 'Variable name'), name, h('span', { 'aria-hidden': 'true' }, '='), h('label', { for: value.id, class: 'visually-hidden' }, 'Variable value'), value, remove);
    entry.row.className = 'variable-row';
    name.addEventListener('input', this.onChange);
    value.addEventListener('input', this.onChange);
    this.rows.push(entry);
    this.list.append(entry.row);
    name.focus();
  }

  private remove(entry: (typeof this.rows)[number]): void {
    this.rows.splice(this.rows.indexOf(entry), 1);
    entry.row.remove();
    this.onChange();
  }
}
