import type { Page } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { emptyState } from '../ui/notice.js';

export const notFoundPage: Page = (root, route, context) => {
  context.setTitle('Not found');
  fill(root, h('h1', null, 'Page not found'), emptyState(`There is no page at #${route.path}.`, h('p', null, h('a', { href: '#/overview' }, 'Go to the overview'))));
};
