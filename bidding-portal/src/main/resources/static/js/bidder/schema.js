// A small JSON Schema (draft 2020-12) check for the published bid form: the keywords that schema uses (type, const,
// required, additionalProperties: false, properties, pattern, minLength, maxLength, items, minItems). Returns the
// problems as [{path: ['price'], rule: 'pattern'}]; the server and bidtool check the same schema.
function typeOf(value) {
  if (Array.isArray(value)) {
    return 'array';
  }
  return value === null ? 'null' : typeof value;
}

function check(schema, value, path, problems) {
  const problem = (rule) => problems.push({ path, rule });
  if (schema.const !== undefined && value !== schema.const) {
    problem('const');
    return;
  }
  if (schema.type && typeOf(value) !== schema.type) {
    problem(value === undefined || value === '' ? 'required' : 'type');
    return;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      problem(length === 0 ? 'required' : 'minLength');
    } else if (schema.maxLength !== undefined && length > schema.maxLength) {
      problem('maxLength');
    } else if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
      problem('pattern');
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      problem('minItems');
    }
    value.forEach((item, i) => schema.items && check(schema.items, item, [...path, i], problems));
  }
  if (typeOf(value) === 'object') {
    for (const name of schema.required || []) {
      if (value[name] === undefined) {
        problems.push({ path: [...path, name], rule: 'required' });
      }
    }
    for (const [name, item] of Object.entries(value)) {
      const sub = schema.properties?.[name];
      if (sub) {
        check(sub, item, [...path, name], problems);
      } else if (schema.additionalProperties === false) {
        problems.push({ path: [...path, name], rule: 'additionalProperties' });
      }
    }
  }
}

export function validate(schema, value) {
  const problems = [];
  check(schema, value, [], problems);
  return problems;
}
