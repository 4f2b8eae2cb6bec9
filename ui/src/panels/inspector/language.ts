// Which query language a state uses and which data fields its form shows for it. AWS: a state's
// own `QueryLanguage`, else the workflow's, else JSONPath. JSONata states take Arguments,
// Output, Assign (and Items / Condition); JSONPath states take InputPath, Parameters,
// ResultSelector, ResultPath and OutputPath. Pure (tested in language.test.ts).

export type Language = 'JSONPath' | 'JSONata';

export function effectiveLanguage(state: Record<string, unknown>, root: unknown): Language {
  const own = state.QueryLanguage;
  if (own === 'JSONata' || own === 'JSONPath') return own;
  const top = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).QueryLanguage : undefined;
  return top === 'JSONata' ? 'JSONata' : 'JSONPath';
}

/** A data field of a state: its name in ASL, how it is edited, and a plain-words label. */
export interface DataField {
  name: string;
  kind: 'path' | 'json' | 'resultPath';
  label: string;
  hint: string;
}

const INPUT_PATH: DataField = { name: 'InputPath', kind: 'path', label: 'Input to use', hint: 'Which part of the input this step sees, like $.order (leave empty for all of it).' };
const PARAMETERS: DataField = { name: 'Parameters', kind: 'json', label: 'Parameters (JSON)', hint: 'The input this step gets; a key ending in .$ takes its value from a path, like "id.$": "$.order.id".' };
const RESULT_SELECTOR: DataField = { name: 'ResultSelector', kind: 'json', label: 'Keep from the result (JSON)', hint: 'Reshape the result before it is placed, like {"id.$": "$.Payload.id"}.' };
const RESULT_PATH: DataField = { name: 'ResultPath', kind: 'resultPath', label: 'Put the result at', hint: 'Where the result goes in the input, like $.result; empty replaces the input; "discard" keeps the input unchanged.' };
const OUTPUT_PATH: DataField = { name: 'OutputPath', kind: 'path', label: 'Output to pass on', hint: 'Which part goes to the next step, like $.result (leave empty for all of it).' };
const ARGUMENTS: DataField = { name: 'Arguments', kind: 'json', label: 'Arguments (JSON with {% %} expressions)', hint: 'What the step sends, like {"FunctionName": "charge", "Payload": "{% $states.input %}"}.' };
const OUTPUT: DataField = { name: 'Output', kind: 'json', label: 'Output (JSON or {% %} expression)', hint: 'What goes to the next step, like {% $states.result.Payload %}; empty passes the result on.' };
const ASSIGN: DataField = { name: 'Assign', kind: 'json', label: 'Variables to set (JSON)', hint: 'Variables later steps can read, like {"orderId": "{% $states.input.id %}"}.' };
const ASSIGN_PATH: DataField = { ...ASSIGN, hint: 'Variables later steps can read as $name, like {"orderId.$": "$.id"}.' };

/** The data fields of a state of type `type` in `language`, in the order the form shows them. */
export function dataFields(type: string, language: Language): DataField[] {
  if (language === 'JSONata') {
    switch (type) {
      case 'Task':
      case 'Parallel':
        return [ARGUMENTS, OUTPUT, ASSIGN];
      case 'Pass':
      case 'Choice':
      case 'Wait':
      case 'Map':
        return [OUTPUT, ASSIGN];
      case 'Succeed':
        return [OUTPUT];
      default:
        return [];
    }
  }
  switch (type) {
    case 'Task':
    case 'Parallel':
      return [INPUT_PATH, PARAMETERS, RESULT_SELECTOR, RESULT_PATH, OUTPUT_PATH, ASSIGN_PATH];
    case 'Map':
      return [INPUT_PATH, RESULT_SELECTOR, RESULT_PATH, OUTPUT_PATH, ASSIGN_PATH];
    case 'Pass':
      return [INPUT_PATH, PARAMETERS, RESULT_PATH, OUTPUT_PATH, ASSIGN_PATH];
    case 'Choice':
    case 'Wait':
      return [INPUT_PATH, OUTPUT_PATH, ASSIGN_PATH];
    case 'Succeed':
      return [INPUT_PATH, OUTPUT_PATH];
    default:
      return [];
  }
}

/** State types that can retry and catch errors. */
export function canRecover(type: string): boolean {
  return type === 'Task' || type === 'Parallel' || type === 'Map';
}
