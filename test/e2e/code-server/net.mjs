// Small helpers shared by the code-server runners (run.mjs, ../suite/run-code-server.mjs):
// ports, HTTP probes, timeouts and the code-server process group.
import http from 'node:http';
import net from 'node:net';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The HTTP status of a GET, or 0 when there is no answer within 2 s. */
export function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** `promise`, or a rejection naming `what` after `ms` milliseconds. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The code-server process and its process group. code-server runs as the leader of its
 * own group (spawned with `detached: true`); its extension host, file watcher and pty
 * host are in that group too and may outlive it for a few seconds (an extension host
 * still starting ignores SIGTERM), so the group is signalled even after the leader has
 * exited, until it has been sent SIGKILL once.
 */
export class ProcessGroup {
  /** The leader, once spawned. */
  proc = null;
  #killed = false;

  kill(signal) {
    if (!this.proc || this.#killed) return;
    try {
      process.kill(-this.proc.pid, signal);
    } catch {
      try {
        this.proc.kill(signal);
      } catch {
        /* gone */
      }
    }
    if (signal === 'SIGKILL') this.#killed = true;
  }

  /** SIGTERM, up to 5 s for the leader to exit, then SIGKILL for whatever is left of the group. */
  async stop() {
    const p = this.proc;
    if (!p) return;
    if (p.exitCode === null && p.signalCode === null) {
      const exited = new Promise((r) => p.once('exit', r));
      this.kill('SIGTERM');
      await withTimeout(exited, 5000, 'code-server exit').catch(() => {});
    }
    this.kill('SIGKILL');
  }
}
