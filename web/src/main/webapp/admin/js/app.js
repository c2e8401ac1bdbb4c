// The console: one page, four sections chosen by the address's fragment (#/cluster, #/records/Store/Key, #/jobs,
// #/audit), so the back button, bookmarks and links work. Every view reads and changes data through the HTTP API.
import {me} from './api.js';
import {h, fill} from './dom.js';
import {showCluster} from './cluster.js';
import {showRecords} from './records.js';
import {showJobs} from './jobs.js';
import {showAudit} from './audit.js';

const SECTIONS = {cluster: showCluster, records: showRecords, jobs: showJobs, audit: showAudit};

/** What every view gets: where to draw, who is signed in, how to report, and a timer that stops on leaving. */
class View {
  constructor(main, user) {
    this.main = main;
    this.user = user;
    this.timers = [];
  }

  /** Runs {@code task} every {@code millis} while this view is shown. */
  every(millis, task) {
    this.timers.push(window.setInterval(task, millis));
  }

  close() {
    this.timers.forEach((timer) => window.clearInterval(timer));
  }
}

let current = null;
let user = null;

async function route() {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const section = SECTIONS[parts[0]] ? parts[0] : 'cluster';
  if (current) {
    current.close();
  }
  const main = document.getElementById('main');
  fill(main);
  current = new View(main, user);
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.section === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  say('');
  await SECTIONS[section](current, parts.slice(1));
  const heading = main.querySelector('h1');
  document.title = `${heading ? heading.textContent : 'Console'} — DataManager`;
  main.focus({preventScroll: true});
}

/** Tells the user (and screen readers, through the live region) what just happened. */
export function say(text, kind = 'info') {
  const status = document.getElementById('status');
  status.className = `status ${kind}`;
  fill(status, text);
}

/** Reports a failed call: the problem's detail, which says what to do. */
export function sayError(error) {
  say(error.message || String(error), 'error');
}

/**
 * Asks before a change that cannot be taken back; resolves to true when confirmed. {@code confirmWord}, when given,
 * must be typed first (an erase).
 */
export function confirmAction(title, explanation, actionLabel, confirmWord) {
  return new Promise((resolve) => {
    const heading = h('h2', {id: 'confirm-title'}, title);
    const typed = confirmWord ? h('input', {id: 'confirm-word', type: 'text', autocomplete: 'off'}) : null;
    const confirmButton = h('button', {type: 'submit', class: 'danger', disabled: !!confirmWord}, actionLabel);
    const cancelButton = h('button', {type: 'button'}, 'Cancel');
    const dialog = h('dialog', {'aria-labelledby': 'confirm-title', class: 'confirm'},
        h('form', {method: 'dialog'}, heading, h('p', {}, explanation),
            typed ? h('div', {class: 'field'},
                h('label', {for: 'confirm-word'}, `Type ${confirmWord} to confirm`), typed) : null,
            h('div', {class: 'actions'}, confirmButton, cancelButton)));
    if (typed) {
      typed.addEventListener('input', () => {
        confirmButton.disabled = typed.value !== confirmWord;
      });
    }
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    confirmButton.addEventListener('click', (event) => {
      event.preventDefault();
      done(true);
    });
    cancelButton.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    (typed || cancelButton).focus();
  });
}

/** JSON typed into a text area, or an error naming the field. */
export function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${error.message}`);
  }
}

async function start() {
  try {
    user = await me();
  } catch (error) {
    fill(document.getElementById('main'), h('p', {}, 'Could not tell who is signed in: ', error.message));
    return;
  }
  fill(document.getElementById('who'), `Signed in as ${user.user}`,
      user.canChange ? '' : h('span', {class: 'badge'}, 'read only'));
  window.addEventListener('hashchange', route);
  await route();
}

start();
