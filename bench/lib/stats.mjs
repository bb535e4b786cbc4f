// Small statistics and formatting helpers for the benchmarks.
import { cpus, freemem, loadavg, totalmem, type, release, arch } from 'node:os';

export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs) => quantile(xs, 0.5);

export function ms(x) {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 10) return `${x.toFixed(0)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function mb(bytes) {
  return bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function machine() {
  const c = cpus();
  return {
    cores: c.length,
    cpu: c[0]?.model?.trim() ?? 'unknown',
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB (${(freemem() / 1024 ** 3).toFixed(1)} GB free)`,
    os: `${type()} ${release()} ${arch()}`,
    node: process.version,
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    date: new Date().toISOString(),
  };
}
