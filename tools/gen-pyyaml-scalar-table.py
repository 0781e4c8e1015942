#!/usr/bin/env python3
# GENERATOR — NOT run by tests. Regenerates test/fixtures/pyyaml-scalars.json, the truth table for
# Maestro's Python str() rendering of YAML 1.1 scalars (issue 16), from PyYAML's own output:
#   python3 tools/gen-pyyaml-scalar-table.py > test/fixtures/pyyaml-scalars.json
# Each row: {"yaml": <scalar as written after "v: ">, "str": str(yaml.safe_load(...)["v"])}, lists flattened
# and space-joined as MaestroNG joins env lists, or {"yaml": ..., "error": <Python exception>} where PyYAML
# refuses the file (MaestroNG stops with a traceback; Maestro with a located error).
# "keys": {"yaml": <key as written before ": x">, "str": str(key)}, the name MaestroNG gives env variables.
import json, sys, yaml

SOURCES = [
    # ints
    '0', '7', '-7', '+7', '007', '0o17', '017', '0b1010', '-0b11', '0x1F', '0x_ff', '1_000', '190:20:30', '-1:30',
    '9007199254740993', '123456789012345678901234567890', '-99999999999999999999', '08', '1e3',
    # floats
    '1.0', '1.', '-1.0', '+1.5', '1.50', '.5', '0.1', '0.0', '-0.0', '1_000.5', '6.8523015e+5', '685.230_15e+03',
    '1.0e+16', '1.0e+15', '12345678901234567.0', '0.0001', '0.00001', '1.0e-5', '1.5e-10', '3.14159265358979323846',
    '100.0', '1e+16', '.inf', '-.inf', '+.Inf', '.NaN', '.nan', '190:20:30.15', '-1:30.5', '123456789.123456789',
    '2.5e+300', '0.1e-320', '9007199254740993.0', '1.7976931348623157e+308',
    # booleans and null
    'yes', 'No', 'on', 'OFF', 'true', 'False', 'y', 'n', '~', 'null', 'Null', '',
    # dates and timestamps
    '2002-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z',
    '2001-12-15 2:59:43.10', '2001-12-14 21:59:43', '2001-12-14 21:59:43.1234567+05:30', '2001-1-5 1:02:03',
    '2001-12-14 21:59:43.000000Z', '2001-12-14 21:59:43 -00:00', '2001-12-14T21:59:43+1',
    # tags
    '!!str 1.0', '!!str yes', '!!float 1', '!!float "1e3"', '!!int "7"', '!!int 0x10', '!!bool "on"', '"1.0"', "'007'",
    # strings
    'hello', '1.2.3', '12:30:00x', '0x', '1:60',
    # edges of the resolver regexes and of Python's int()/float()/datetime
    '00', '0b1_0', '+0x_A', '0xG', '_1', '1__2', '-0:30', '0.', '-0.', '+0.0', '1.e+5', '1.0e5', '1.0E-5', '.5e+3', '._5',
    '1_0.0_1', '-1:30:00.25', '1.8e+308', '4.9e-324', '2.5e-324', '1e-400', '0.000123', '123456789012345678.0',
    '1234567890123456.0', '9007199254740992', '0.30000000000000004', '2.675', '1.0e+20', '99999999999999999999.0',
    '+.inf', '.NAN', '-.nan', '.infx', 'yEs', 'Y', 'nULL', '-',
    '2001-2-3', '1999-12-31T23:59:59Z', '2001-12-14T21:59:43.999999999+00:00', '2001-12-14 21:59:43.0',
    '2001-12-14 21:59:43.000001', '2001-12-14 21:59:43+00', '2001-12-14 21:59:43 Z', '2001-12-14 21:59:43.5+14:30',
    '2001-12-14  21:59:43', '2001-12-14T1:2:3', '2001-12-14 21:59:43.12-5:30', '9999-12-31 23:59:59.999999-23:59',
    '2001-12-14 1:02:03+05:99', '2000-02-29', '2001-13-14', '2001-02-29', '0000-01-01', '2001-12-14 24:00:00',
    '2001-12-14 21:60:00', '2001-12-14 21:59:60', '2001-12-14 1:02:03+24',
    '!!str ~', '!!str 2001-12-14', '!!int "010"', '!!int "0o10"', '!!int "-0x10"', '!!int "1:30"', '!!int "1:-30"',
    '!!int " 7 "', '!!int 1_000', '!!int "123456789012345678901234567890"', '!!float "1e5"', '!!float ".inf"',
    '!!float "infinity"', '!!float "1:30"', '!!float "1:30.5"', '!!float "-.5"', '!!float "--1"', '!!float " 1.5 "',
    '!!float 7', '!!bool "NO"', '!!timestamp 2001-2-3', '!!timestamp "2001-12-14 1:02:03.5"',
    '!!int "0:30"', '!!int ""', '!!int 1.5', '!!int "0b"', '!!float "0x10"', '!!float abc', '!!bool "y"', '!!timestamp 2001-13-1',
    # lists (MaestroNG flattens env lists and joins them with spaces)
    '[a, [b, c], d]', '["1.0", x]', '[]',
]
KEYS = ['1', '01', '0x10', '1.0', '1e3', '.5', '-0.0', '1e+16x', 'yes', 'Off', '~', '2001-12-14', '2001-12-14 1:02:03 +1',
        '9007199254740993', '"1.0"', '!!float 2']


def flat(value):
    return [x for item in value for x in (flat(item) if isinstance(item, list) else [item])]

rows = []
for src in SOURCES:
    try:
        value = yaml.safe_load('v: ' + src)['v']
    except Exception as error:
        rows.append({'yaml': src, 'error': type(error).__name__})
        continue
    text = ' '.join(flat(value)) if isinstance(value, list) else str(value)
    rows.append({'yaml': src, 'str': text, 'type': type(value).__name__})
keys = [{'yaml': src, 'str': str(next(iter(yaml.safe_load(src + ': x'))))} for src in KEYS]
json.dump({'generator': 'tools/gen-pyyaml-scalar-table.py', 'pyyaml': yaml.__version__,
           'python': sys.version.split()[0], 'rows': rows, 'keys': keys}, sys.stdout, indent=1)
sys.stdout.write('\n')
