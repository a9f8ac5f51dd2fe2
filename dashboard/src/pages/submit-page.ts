import { ApiError } from '../api/api-error.js';
import { loadJob, loadJobConfig } from '../api/job-source.js';
import type { ConfigFormat } from '../api/model.js';
import { submitJob, SubmitError, validateConfig, type SubmitOptions } from '../api/submit-source.js';
import type { Page } from '../page.js';
import { CodeEditor } from '../ui/code-editor.js';
import { fill, h, uid } from '../ui/dom.js';
import { describeError, errorState } from '../ui/notice.js';
import { VariableList } from '../ui/variable-list.js';

const EXAMPLE = `env {
  job.mode = "BATCH"
  parallelism = 1
}

source {
  FakeSource {
    plugin_output = "fake"
    row.num = 100
    schema = {
      fields {
        name = "string"
        age = "int"
      }
    }
  }
}

sink {
  Console {
    plugin_input = "fake"
  }
}
`;

const MAX_JOB_ID = 9223372036854775807n;
const DEBOUNCE_MS = 400;

/**
 * Submit a job: a HOCON or JSON editor validated as you type (`POST /v1/jobs/validate`, debounced;
 * every problem at its line), file upload, variables, job name and id, and "start from the latest
 * savepoint". With `?restart=<jobId>` the form is filled from that job to restart it from its
 * savepoint under the same id. On success the job's page opens.
 */
export const submitPage: Page = (root, route, context) => {
  context.setTitle('Submit a job');
  const ids = { editor: uid('config'), problems: uid('problems'), format: uid('format'), file: uid('file'), name: uid('job-name'), id: uid('job-id'), savepoint: uid('savepoint') };
  const status = h('p', { class: 'validation-status', role: 'status', 'aria-live': 'polite' });
  let pending: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const editor = new CodeEditor({ id: ids.editor, describedBy: ids.problems, onInput: () => schedule() });
  const format = h('select', { id: ids.format }, h('option', { value: 'hocon' }, 'HOCON'), h('option', { value: 'json' }, 'JSON'));
  format.addEventListener('change', () => schedule());
  const file = h('input', { id: ids.file, type: 'file', accept: '.conf,.hocon,.config,.json,text/plain,application/json' });
  file.addEventListener('change', () => void loadFile());
  const jobName = h('input', { id: ids.name, autocomplete: 'off', placeholder: 'from env.job.name' });
  const jobId = h('input', { id: ids.id, autocomplete: 'off', inputmode: 'numeric', placeholder: 'chosen by the server', pattern: '[0-9]{1,19}' });
  const fromSavepoint = h('input', { id: ids.savepoint, type: 'checkbox' });
  const variables = new VariableList(() => schedule());
  const submitProblem = h('div');
  const submitButton = h('button', { type: 'submit', class: 'button primary' }, 'Submit job');
  const restartNote = h('div');
  const form = h(
    'form',
    { class: 'submit-form', novalidate: true },
    restartNote,
    h(
      'div',
      { class: 'submit-grid' },
      h(
        'div',
        { class: 'submit-editor' },
        h('div', { class: 'editor-head' }, h('label', { for: ids.editor, class: 'editor-label' }, 'Job config'), h('span', { class: 'inline-field' }, h('label', { for: ids.format }, 'Format'), format), h('button', { type: 'button', class: 'button small', onclick: () => insertExample() }, 'Insert example')),
        editor.element,
        status,
      ),
      h(
        'div',
        { class: 'submit-side' },
        h('div', { class: 'field-group' }, h('label', { for: ids.file }, 'Load a config file'), file),
        h('div', { class: 'field-group' }, h('label', { for: ids.name }, 'Job name'), jobName),
        h('div', { class: 'field-group' }, h('label', { for: ids.id }, 'Job id'), jobId, h('p', { class: 'hint' }, 'Optional: a 64-bit decimal id.')),
        h('div', { class: 'field-check' }, fromSavepoint, h('label', { for: ids.savepoint }, 'Start from the latest savepoint of this job id')),
        variables.element,
        submitProblem,
        h('div', { class: 'form-actions' }, submitButton),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  fill(root, h('h1', null, 'Submit a job'), form);
  context.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    pending?.abort();
  });

  const currentFormat = (): ConfigFormat => format.value as ConfigFormat;
  const options = (): SubmitOptions | string => {
    const id = jobId.value.trim();
    if (id !== '' && (!/^\d{1,19}$/.test(id) || BigInt(id) > MAX_JOB_ID)) return 'The job id must be a whole number from 0 to 9223372036854775807.';
    if (fromSavepoint.checked && id === '') return 'Starting from a savepoint needs the job id of the job that took it.';
    return { jobId: id || undefined, jobName: jobName.value.trim() || undefined, startWithSavepoint: fromSavepoint.checked, variables: variables.values() };
  };

  function schedule(): void {
    clearTimeout(timer);
    pending?.abort();
    status.textContent = editor.value.trim() === '' ? '' : 'Checking…';
    timer = setTimeout(() => void validate(), DEBOUNCE_MS);
  }

  async function validate(): Promise<void> {
    const text = editor.value;
    if (text.trim() === '') {
      editor.setProblems([]);
      status.textContent = '';
      return;
    }
    const opts = options();
    pending = new AbortController();
    try {
      const result = await validateConfig(context.http, context.config, text, currentFormat(), typeof opts === 'string' ? {} : opts, pending.signal);
      if (!result.available) {
        editor.setProblems([]);
        status.textContent = 'This server cannot check configs before they are submitted; problems are shown after "Submit job".';
        return;
      }
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      const warnings = result.problems.length - errors;
      editor.setProblems(result.problems);
      status.className = `validation-status ${errors > 0 ? 'has-errors' : 'ok'}`;
      status.textContent = errors === 0 ? (warnings === 0 ? 'No problems found.' : `No errors; ${plural(warnings, 'warning')}.`) : `${plural(errors, 'problem')} found${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}.`;
    } catch (error) {
      if (pending?.signal.aborted) return;
      status.className = 'validation-status';
      status.textContent = `Could not check the config: ${describeError(error).detail}`;
    }
  }

  async function submit(): Promise<void> {
    submitProblem.replaceChildren();
    const opts = options();
    if (typeof opts === 'string') {
      fill(submitProblem, h('p', { class: 'field-problem', role: 'alert' }, opts));
      return;
    }
    if (editor.value.trim() === '') {
      fill(submitProblem, h('p', { class: 'field-problem', role: 'alert' }, 'Write or load a job config first.'));
      editor.textarea.focus();
      return;
    }
    submitButton.disabled = true;
    submitButton.textContent = 'Submitting…';
    try {
      const id = await submitJob(context.http, context.config, editor.value, currentFormat(), opts);
      context.navigate(`#/jobs/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof SubmitError) {
        if (error.problems.some((problem) => problem.line !== null)) editor.setProblems(error.problems);
        fill(submitProblem, h('div', { class: 'error-box', role: 'alert' }, h('p', { class: 'error-title' }, 'The server refused the job'), h('pre', { class: 'error-detail' }, error.message)));
      } else fill(submitProblem, errorState(error));
    } finally {
      submitButton.disabled = false;
      submitButton.textContent = 'Submit job';
    }
  }

  async function loadFile(): Promise<void> {
    const chosen = file.files?.[0];
    if (chosen === undefined) return;
    editor.value = await chosen.text();
    format.value = chosen.name.toLowerCase().endsWith('.json') ? 'json' : 'hocon';
    if (jobName.value === '') jobName.placeholder = `from env.job.name (file ${chosen.name})`;
    schedule();
  }

  function insertExample(): void {
    if (editor.value.trim() !== '' && !confirm('Replace the config in the editor with the example?')) return;
    editor.value = EXAMPLE;
    format.value = 'hocon';
    schedule();
    editor.textarea.focus();
  }

  const restart = route.query.get('restart');
  if (restart !== null) void prefillRestart(restart);

  async function prefillRestart(id: string): Promise<void> {
    jobId.value = id;
    fromSavepoint.checked = true;
    try {
      const job = await loadJob(context.http, context.config, id, context.signal);
      if (job === null) throw new ApiError(404, `No job with id ${id}.`, '');
      jobName.value = job.name;
      const config = await loadJobConfig(context.http, context.config, job, context.signal);
      if (config.text !== null) {
        editor.value = config.text;
        format.value = config.format;
      }
      fill(
        restartNote,
        h(
          'div',
          { class: 'note', role: 'note' },
          h('p', null, h('strong', null, `Restart ${job.name || 'job'} from its latest savepoint. `), 'The job is submitted again under the same id and resumes where the savepoint left it.'),
          config.text === null ? h('p', null, 'The server does not return the job\'s config: paste or load the config it ran with.') : null,
          config.masked ? h('p', null, 'Its secrets are masked (******): type them again before submitting.') : null,
        ),
      );
      schedule();
    } catch (error) {
      fill(restartNote, errorState(error));
    }
  }
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
