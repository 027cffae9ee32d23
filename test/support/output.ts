/** What a long-running child (npm start, the updater) prints, for tests that wait on its log lines. */
import type { ChildProcess } from 'node:child_process';

export interface Output {
  /** Everything printed so far, stdout and stderr interleaved as they arrived. */
  readonly text: string;
  /** Resolves once the output matches `pattern` (checked as it arrives), or rejects after `ms`. */
  printed(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

export function captureOutput(child: ChildProcess): Output {
  let text = '';
  // Failures are printed on stderr: both streams are watched.
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  return {
    get text() {
      return text;
    },
    printed(pattern, ms = 300_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`not printed: ${pattern}\n${text}`));
        }, ms);
        const check = () => {
          const match = pattern.exec(text);
          if (!match) return;
          stop();
          resolve(match);
        };
        const stop = () => {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.stderr!.off('data', check);
        };
        child.stdout!.on('data', check);
        child.stderr!.on('data', check);
        check();
      });
    },
  };
}
