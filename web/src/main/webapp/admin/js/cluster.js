// Cluster: every node that beat lately (GET /api/v1/nodes), refreshed every few seconds; steals and lost locks
// that appear between two refreshes are listed as recent events. This node can be drained from here.
import {api} from './api.js';
import {confirmAction, say, sayError} from './app.js';
import {fill, h, refreshIfChanged, table, when} from './dom.js';

const REFRESH_MILLIS = 3000;

export async function showCluster(view) {
  const nodesPanel = h('section', {'aria-labelledby': 'nodes-title'}, h('h2', {id: 'nodes-title'}, 'Nodes'));
  const nodesBody = h('div', {});
  nodesPanel.append(nodesBody);
  const eventsList = h('ul', {class: 'events'}, h('li', {class: 'empty'}, 'None since this page opened.'));
  const eventsPanel = h('section', {'aria-labelledby': 'events-title'},
      h('h2', {id: 'events-title'}, 'Recent steals and lost locks'),
      h('p', {class: 'hint'}, 'Seen while this page is open: a steal is a join that took a stale lock of a silent'
          + ' node; a lost lock is a session its node found taken by another.'), eventsList);
  const thisNode = h('section', {'aria-labelledby': 'this-title'}, h('h2', {id: 'this-title'}, 'This node'));
  fill(view.main, h('h1', {}, 'Cluster'), nodesPanel, eventsPanel, thisNode);

  const seen = new Map();
  let interval = null;
  const refresh = async () => {
    try {
      const [{nodes}, server] = await Promise.all([api('GET', '/nodes'), api('GET', '/server')]);
      interval = interval || seconds(server.settings['datamanager.autosave.interval']);
      refreshIfChanged(nodesBody, nodes, () => nodeTable(nodes, interval));
      for (const node of nodes) {
        const key = `${node.id} ${node.startedAt}`;
        const before = seen.get(key);
        if (before) {
          note(eventsList, node, 'stole', node.steals - before.steals, 'stale locks');
          note(eventsList, node, 'lost', node.locksLost - before.locksLost, 'sessions to another node');
        }
        seen.set(key, node);
      }
      refreshIfChanged(thisNode, server, () => [h('h2', {id: 'this-title'}, 'This node'), describe(view, server)]);
    } catch (error) {
      sayError(error);
    }
  };
  await refresh();
  view.every(REFRESH_MILLIS, refresh);
}

function nodeTable(nodes, interval) {
  return table(`${nodes.length} node(s) seen lately, refreshed every ${REFRESH_MILLIS / 1000} s`,
      ['Node', 'Started', 'Last beat', 'Sessions', 'Dirty', 'Autosave lag', 'Joins', 'Steals', 'Locks lost'],
      nodes.map((node) => [
        h('span', {class: 'mono'}, node.id),
        when(node.startedAt),
        node.silentSeconds > 5 ? h('span', {class: 'warn'}, `silent for ${node.silentSeconds} s`) : 'just now',
        String(node.sessions),
        String(node.dirty),
        lag(node.autosaveLagSeconds, interval),
        node.draining ? h('span', {class: 'warn'}, 'draining') : 'taking joins',
        String(node.steals),
        String(node.locksLost),
      ]), 'No node has beaten lately.');
}

function lag(seconds, interval) {
  const text = `${seconds} s`;
  return interval && seconds > interval ? h('span', {class: 'warn'}, `${text} (over the ${interval} s interval)`)
      : text;
}

function note(list, node, verb, count, what) {
  if (count > 0) {
    list.querySelector('li.empty')?.remove();
    list.prepend(h('li', {}, when(new Date().toISOString()), ` ${node.id} ${verb} ${count} ${what}`));
  }
}

function describe(view, server) {
  const drain = h('button', {type: 'button', class: 'danger', disabled: server.draining || !view.user.canChange,
    onclick: async () => {
      const sure = await confirmAction('Drain this node?',
          `${server.serverId} will refuse new joins (players join another node) and hand each of its`
          + ` ${server.sessionCount} sessions over when asked. It stays that way until it restarts.`, 'Drain');
      if (sure) {
        try {
          await api('POST', '/server/drain');
          say(`${server.serverId} drains.`);
        } catch (error) {
          sayError(error);
        }
      }
    }}, server.draining ? 'Draining' : 'Drain this node');
  const settings = Object.entries(server.settings).map(([name, value]) => [h('span', {class: 'mono'}, name), value]);
  return [h('p', {}, 'This page is served by ', h('strong', {class: 'mono'}, server.serverId), ', holding ',
      String(server.sessionCount), ' session(s). ', drain),
  h('details', {}, h('summary', {}, 'Settings in force'), table('Settings of this node', ['Setting', 'Value'],
      settings))];
}

/** An ISO-8601 duration such as PT30S or PT1M as seconds; null when it is not one. */
function seconds(duration) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration || '');
  return match ? (Number(match[1] || 0) * 3600) + (Number(match[2] || 0) * 60) + Number(match[3] || 0) : null;
}
