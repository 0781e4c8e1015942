import {expect} from 'chai'
import {issuesOf} from '../helpers/model-env.js'

/** Shapes upstream would crash on with a traceback; each must become located errors, never an exception. */
const MALFORMED: Array<[string, string, RegExp]> = [
  ['ships as a list', 'name: e\nships: [a, b]\nservices: {}\n', /'ships' must be a mapping/],
  ['services as a string', 'name: e\nships: {s: {ip: h}}\nservices: web\n', /'services' must be a mapping/],
  ['instances as a list', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: [a]}}\n', /'instances' must be a mapping/],
  ['an instance as a string', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: s}}}\n', /services.web.instances.w: instance w must be a mapping/],
  ['ports as a list', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: {ship: s, ports: [80]}}}}\n', /'ports' must be a mapping/],
  ['env as a list', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, env: [A=1], instances: {w: {ship: s}}}}\n', /'env' must be a mapping/],
  ['lifecycle as a list', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: {ship: s, lifecycle: [x]}}}}\n', /'lifecycle' must be a mapping/],
  ['a lifecycle state as a map', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: {ship: s, lifecycle: {running: {type: tcp}}}}}}\n', /lifecycle.running must be a list of checks/],
  ['volumes as a list', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: {ship: s, volumes: [/a]}}}}\n', /'volumes' must be a mapping/],
  ['requires as a map', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, requires: {a: 1}, instances: {w: {ship: s}}}}\n', /'requires' must be a string or a list of strings/],
  ['audit as a map', 'name: e\nships: {s: {ip: h}}\nservices: {}\naudit: {type: log}\n', /audit must be a list of auditors/],
  ['a registry retry.when as a number', 'name: e\nships: {s: {ip: h}}\nservices: {}\nregistries: {r: {retry: {when: 503}}}\n', /retry.when must be a list/],
  ['the document as a list', '- a\n- b\n', /the file must be a mapping at the top level/],
  ['ship_defaults as a list', 'name: e\nship_defaults: [1]\nships: {s: {ip: h}}\nservices: {}\n', /'ship_defaults' must be a mapping/],
  ['privileged as a string', 'name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: {ship: s, privileged: maybe}}}}\n', /'privileged' must be true or false/],
  ['a ship ip as a list', 'name: e\nships: {s: {ip: [1, 2]}}\nservices: {}\n', /'ip' must be a string/],
]

describe('normalizeEnvironment (malformed shapes)', () => {
  for (const [what, text, expected] of MALFORMED) {
    it(`reports ${what}`, () => {
      const issues = issuesOf(text)
      expect(issues.join('\n')).to.match(expected)
      expect(issues.every((i) => /^env\.yaml:\d+:\d+: /.test(i))).to.equal(true)
    })
  }
})
