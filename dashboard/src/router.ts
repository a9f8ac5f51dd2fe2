import type { Page, Route } from './page.js';
import { jobPage } from './pages/job-page.js';
import { jobsPage } from './pages/jobs-page.js';
import { nodesPage } from './pages/nodes-page.js';
import { notFoundPage } from './pages/not-found-page.js';
import { overviewPage } from './pages/overview-page.js';
import { submitPage } from './pages/submit-page.js';

/** `#/jobs/123?tab=log` → path `/jobs/123`, segments [jobs, 123], query tab=log. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '') || '/overview';
  const [path = '/', query = ''] = text.split('?', 2);
  const segments = path.split('/').filter((segment) => segment !== '');
  return { path: `/${segments.join('/')}`, segments, query: new URLSearchParams(query) };
}

/** The nav section a route belongs to, and the page that renders it. */
export function pageFor(route: Route): { section: string; page: Page } {
  const [first, second] = route.segments;
  if (first === undefined || first === 'overview') return { section: 'overview', page: overviewPage };
  if (first === 'jobs' && second === undefined) return { section: 'jobs', page: jobsPage };
  if (first === 'jobs' || first === 'job') return { section: 'jobs', page: jobPage };
  if (first === 'submit') return { section: 'submit', page: submitPage };
  if (first === 'nodes') return { section: 'nodes', page: nodesPage };
  return { section: '', page: notFoundPage };
}
