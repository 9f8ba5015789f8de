// The library folder per OS, as Electron's userData for "Attune" would be, and ATTUNE_DATA_DIR.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDataDir } from '../../src/main/library/data-dir';

describe('resolveDataDir', () => {
  it('Linux: $XDG_CONFIG_HOME/Attune, else ~/.config/Attune', () => {
    assert.equal(resolveDataDir({}, 'linux', '/home/dana'), '/home/dana/.config/Attune');
    assert.equal(resolveDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/dana'), '/home/dana/.config/Attune');
    assert.equal(resolveDataDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/dana'), '/data/cfg/Attune');
    assert.equal(resolveDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/dana', '/work'), '/work/cfg/Attune');
    assert.equal(resolveDataDir({}, 'freebsd', '/home/dana'), '/home/dana/.config/Attune');
  });

  it('macOS: ~/Library/Application Support/Attune, whatever XDG says', () => {
    assert.equal(resolveDataDir({ XDG_CONFIG_HOME: '/x' }, 'darwin', '/Users/dana'), '/Users/dana/Library/Application Support/Attune');
  });

  it('Windows: %APPDATA%\\Attune, else the default Roaming folder, with backslashes', () => {
    assert.equal(resolveDataDir({ APPDATA: 'C:\\Users\\Dana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Dana'), 'C:\\Users\\Dana\\AppData\\Roaming\\Attune');
    assert.equal(resolveDataDir({}, 'win32', 'C:\\Users\\Dana'), 'C:\\Users\\Dana\\AppData\\Roaming\\Attune');
  });

  it('ATTUNE_DATA_DIR overrides every OS; a relative one is taken from the working folder', () => {
    assert.equal(resolveDataDir({ ATTUNE_DATA_DIR: '/srv/attune', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/dana'), '/srv/attune');
    assert.equal(resolveDataDir({ ATTUNE_DATA_DIR: '/srv/attune/' }, 'darwin', '/Users/dana'), '/srv/attune');
    assert.equal(resolveDataDir({ ATTUNE_DATA_DIR: 'D:\\Calls' }, 'win32', 'C:\\Users\\Dana'), 'D:\\Calls');
    assert.equal(resolveDataDir({ ATTUNE_DATA_DIR: 'lib' }, 'linux', '/home/dana', '/work/here'), '/work/here/lib');
    assert.equal(resolveDataDir({ ATTUNE_DATA_DIR: '  ' }, 'linux', '/home/dana'), '/home/dana/.config/Attune');
  });

  it('defaults to this process’s environment, OS and home', () => {
    const saved = process.env['ATTUNE_DATA_DIR'];
    process.env['ATTUNE_DATA_DIR'] = '/tmp/attune-from-env';
    try {
      assert.equal(resolveDataDir(), '/tmp/attune-from-env');
    } finally {
      if (saved === undefined) delete process.env['ATTUNE_DATA_DIR'];
      else process.env['ATTUNE_DATA_DIR'] = saved;
    }
  });
});
