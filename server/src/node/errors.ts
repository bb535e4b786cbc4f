// Why the system refused a file or folder, in words (Finnish and English): one table for
// the CLI's reads and writes, the configuration reader, the folder walk and the cache.
// A system error code is shown only when there are no words for it.
import type { Texts } from '../core/schema';

/** Reading or writing: "permission denied" is a missing read or write right in Finnish. */
export type Access = 'read' | 'write';

const WORDS: Record<string, Texts> = {
  ELOOP: { fi: 'liikaa symbolisia linkkejä', en: 'too many symbolic links' },
  EISDIR: { fi: 'on kansio', en: 'is a directory' },
  ENOTDIR: { fi: 'polun osa ei ole kansio', en: 'a part of the path is not a folder' },
  ENAMETOOLONG: { fi: 'nimi on liian pitkä', en: 'the name is too long' },
  ENOSPC: { fi: 'levy on täynnä', en: 'no space left on the device' },
  EROFS: { fi: 'vain luku -tiedostojärjestelmä', en: 'read-only file system' },
};

/**
 * Why `e` (a Node system error) happened, in words. `missing`: what a missing path is
 * called (`file` when reading a file, `folder` when the folder of a file to write is missing).
 */
export function systemReason(e: unknown, access: Access, missing: 'file' | 'folder' = 'file'): Texts {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return missing === 'file' ? { fi: 'tiedostoa ei ole', en: 'no such file' } : { fi: 'kansiota ei ole', en: 'no such folder' };
    case 'EACCES':
    case 'EPERM':
      return { fi: access === 'read' ? 'ei lukuoikeutta' : 'ei kirjoitusoikeutta', en: 'permission denied' };
  }
  const words = err?.code ? WORDS[err.code] : undefined;
  if (words) return words;
  const what = err?.message ?? String(e);
  return { fi: what, en: what };
}
