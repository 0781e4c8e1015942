#!/usr/bin/env python3
# GENERATOR — NOT run by tests. Regenerates test/fixtures/pyyaml-scalars.json, the truth table for
# Maestro's Python str() rendering of YAML 1.1 scalars (issue 16), from PyYAML's own output:
#   python3 tools/gen-pyyaml-scalar-table.py > test/fixtures/pyyaml-scalars.json
# Each row: {"yaml": <scalar as written after "v: ">, "str": str(yaml.safe_load(...)["v"])}.
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
]

rows = []
for src in SOURCES:
    value = yaml.safe_load('v: ' + src)['v']
    rows.append({'yaml': src, 'str': str(value), 'type': type(value).__name__})
json.dump({'generator': 'tools/gen-pyyaml-scalar-table.py', 'pyyaml': yaml.__version__,
           'python': sys.version.split()[0], 'rows': rows}, sys.stdout, indent=1)
sys.stdout.write('\n')
