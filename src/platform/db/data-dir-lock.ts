import fs from 'node:fs';
import path from 'node:path';

/**
 * Takes an exclusive lock on an embedded data directory: PGlite files opened by two
 * processes at once get corrupted (and an FSC journal, src/fsc/journal.ts, has one writer).
 * A lock left by a process that no longer runs is taken over. Returns the function that
 * releases the lock.
 */
export function lockDataDir(dataDir: string, what = 'data directory', option = '--data-dir'): () => void {
  const lockFile = path.join(dataDir, 'opengrond.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner && isAlive(owner)) {
        throw new Error(`The ${what} ${dataDir} is in use by process ${owner}; stop it first or use another ${option}.`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the ${what} ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
