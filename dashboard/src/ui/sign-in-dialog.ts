import type { AuthStore } from '../api/auth-store.js';
import type { CredentialPrompt } from '../api/http-client.js';
import { h, uid } from './dom.js';

/**
 * The sign-in prompt shown on a 401: user name and password (Basic) or a token (Bearer). Concurrent 401s share one dialog. What is entered is
 * kept in sessionStorage for this tab only.
 */
export function signInPrompt(auth: AuthStore): CredentialPrompt {
  let open: Promise<boolean> | null = null;
  return (challenge, rejected) => {
    open ??= ask(auth, challenge, rejected).finally(() => (open = null));
    return open;
  };
}

/** Opens the dialog without a 401 (the "Sign in" button). */
export function askForCredentials(auth: AuthStore): Promise<boolean> {
  return ask(auth, null, false);
}

function ask(auth: AuthStore, challenge: string | null, rejected: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    // The server leaves Basic out of its challenge to the dashboard (so the browser does not open
    // its own dialog), so the challenge cannot tell which schemes it takes: user name and password
    // first, the token form when a token was just refused or the challenge names a token error.
    const bearer = (rejected && auth.get()?.scheme === 'Bearer') || /invalid_token/i.test(challenge ?? '');
    const ids = { title: uid('sign-in'), user: uid('user'), password: uid('password'), token: uid('token') };
    const basicChoice = h('input', { type: 'radio', name: 'scheme', value: 'basic', checked: !bearer });
    const tokenChoice = h('input', { type: 'radio', name: 'scheme', value: 'token', checked: bearer });
    const user = h('input', { id: ids.user, name: 'username', autocomplete: 'username', required: !bearer });
    const password = h('input', { id: ids.password, name: 'password', type: 'password', autocomplete: 'current-password' });
    const token = h('input', { id: ids.token, name: 'token', type: 'password', autocomplete: 'off', required: bearer });
    const basicFields = h('div', { class: 'field-group' }, h('label', { for: ids.user }, 'User name'), user, h('label', { for: ids.password }, 'Password'), password);
    const tokenFields = h('div', { class: 'field-group' }, h('label', { for: ids.token }, 'Token'), token);
    const sync = (): void => {
      basicFields.hidden = !basicChoice.checked;
      tokenFields.hidden = basicChoice.checked;
      user.required = basicChoice.checked;
      token.required = !basicChoice.checked;
    };
    basicChoice.addEventListener('change', sync);
    tokenChoice.addEventListener('change', sync);
    sync();
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog-form' },
      h('h2', { id: ids.title }, 'Sign in to Sluice'),
      h('p', { class: rejected ? 'field-problem' : 'muted' }, rejected ? 'Those credentials were not accepted. Try again.' : 'This server asks for credentials. They are kept for this browser tab only.'),
      h('fieldset', { class: 'choice' }, h('legend', null, 'Sign in with'), h('label', null, basicChoice, ' User name and password'), h('label', null, tokenChoice, ' Bearer token')),
      basicFields,
      tokenFields,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'), h('button', { type: 'submit', class: 'button primary' }, 'Sign in')),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': ids.title }, form);
    let signedIn = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      if (basicChoice.checked) auth.setBasic(user.value, password.value);
      else auth.setToken(token.value);
      signedIn = true;
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(signedIn);
    });
    document.body.append(dialog);
    dialog.showModal();
    (bearer ? token : user).focus();
  });
}
