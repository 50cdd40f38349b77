// Loaded with `node --import` before the crash child, so the file-system calls conf's atomic writer
// captures at load time are already these. EARMARK_CRASH=write:N kills the process half-way through
// the Nth file write (the temp file); rename:N kills it just before the Nth rename (temp → store).
import fs from 'node:fs';
import process from 'node:process';

const [mode, nth] = (process.env.EARMARK_CRASH ?? '').split(':');
let count = 0;
const die = () => process.kill(process.pid, 'SIGKILL');

if (mode === 'write') {
  const writeSync = fs.writeSync;
  fs.writeSync = function (fd, data, ...rest) {
    if (fd > 2 && ++count === Number(nth)) {
      const half = typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1);
      writeSync.call(fs, fd, half);
      die();
    }
    return writeSync.call(fs, fd, data, ...rest);
  };
}
if (mode === 'rename') {
  const renameSync = fs.renameSync;
  fs.renameSync = function (...args) {
    if (++count === Number(nth)) die();
    return renameSync.apply(fs, args);
  };
}
