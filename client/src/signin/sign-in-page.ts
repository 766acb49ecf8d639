// The sign-in page shown instead of the explorer when there is no session, and the signed-in
// user with "Sign out" in the toolbar. Signing in or out reloads the page, so the explorer always
// starts from a known state (the view itself lives in the URL and survives).
import { byId, h, replace } from '../dom.js';
import { authMethods, signIn, signOut, type SessionT } from './session.js';

const REFUSALS: Record<string, string> = {
  'no-role': 'The identity provider signed you in, but none of your groups maps to an Interlock role. Ask an admin.',
  'username-taken': 'Your name at the identity provider is already an Interlock account of its own. Ask an admin.',
  disabled: 'This account is disabled.',
  expired: 'The sign-in took too long; try again.',
  failed: 'Sign-in at the identity provider failed; try again.',
};

export async function showSignIn(): Promise<void> {
  const page = byId('sign-in');
  const error = h('p', { class: 'sign-in-error', role: 'alert', id: 'sign-in-error' });
  const refused = new URLSearchParams(location.search).get('signin');
  if (refused) error.textContent = REFUSALS[refused] ?? 'Sign-in failed.';
  const username = h('input', { id: 'sign-in-username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'sign-in-form' },
    h('h1', {}, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), ' Interlock'),
    h('p', { class: 'hint' }, 'Sign in to explore the site and assess changes.'),
    h('label', {}, 'Username', username),
    h('label', {}, 'Password', password),
    error,
    h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit' }, 'Sign in'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    void signIn(username.value.trim(), password.value).then((answer) => {
      if (answer.ok) {
        const url = new URL(location.href);
        url.searchParams.delete('signin');
        location.replace(url.href);
      } else {
        error.textContent = answer.message;
        password.value = '';
        password.focus();
      }
    });
  });
  replace(page, form);
  page.hidden = false;
  document.body.classList.add('signed-out');
  const methods = await authMethods().catch(() => undefined);
  if (methods?.oidc) form.append(h('a', { class: 'sign-in-oidc', href: methods.oidc.start }, `Sign in with ${methods.oidc.name}`));
}

/** The toolbar's account corner: who is signed in, with which roles, and "Sign out". */
export function showUser(session: SessionT): void {
  const { user } = session;
  replace(byId('user-box'),
    h('span', { class: 'user-name', id: 'user-name', title: `Roles: ${user.roles.join(', ')}` }, user.displayName),
    h('button', { type: 'button', id: 'btn-sign-out', title: 'End this session', onclick: () => void signOut().then(() => location.reload()) }, 'Sign out'));
}
