// The control panel: a labelled form field for every part of the configuration, and back.
import { activationNames, dataKinds, lossNames, type PlaygroundConfig } from './config.js';
import { lessons } from './lessons.js';
import { optimizerNames, optimizers, type OptimizerName } from './optimizers.js';
import { readConfig } from './url-state.js';

/** The batch choices: one control for batch, mini-batch and stochastic gradient descent. */
const batchChoices = [
  ['all', 'batch (all points)'],
  ['32', 'mini-batch of 32'],
  ['10', 'mini-batch of 10'],
  ['1', 'stochastic (1 point)'],
] as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return element('label', {}, element('span', {}, text), control);
}

function select(name: string, values: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  const node = element('select', { name });
  for (const [v, text] of values) node.append(element('option', { value: v, textContent: text, selected: v === value }));
  return node;
}

function number(name: string, value: number, step = 'any', min = '0'): HTMLInputElement {
  return element('input', { type: 'number', name, value: String(value), step, min });
}

const same = (xs: readonly string[]): (readonly [string, string])[] => xs.map((x) => [x, x] as const);

/** The optimizer's option fields, named `opt.<field>`. */
function optionFields(name: OptimizerName, values: Readonly<Record<string, number | boolean>>): HTMLElement[] {
  return optimizers[name].fields.map((f) => {
    const v = values[f.name] ?? f.default;
    const input =
      typeof f.default === 'boolean'
        ? element('input', { type: 'checkbox', name: `opt.${f.name}`, checked: v === true })
        : number(`opt.${f.name}`, v as number);
    return labelled(f.label, input);
  });
}

/**
 * Fills `form` with the controls for `config`.
 *
 * @param form - the empty form
 * @param config - the values shown
 */
export function renderControls(form: HTMLFormElement, config: PlaygroundConfig): void {
  const options = element('div', { id: 'optimizer-options' }, ...optionFields(config.optimizer, config.options));
  const optimizer = select('optimizer', same(optimizerNames), config.optimizer);
  optimizer.addEventListener('change', () => options.replaceChildren(...optionFields(optimizer.value as OptimizerName, {})));
  const schedule = element('textarea', { name: 'schedule', value: config.schedule, rows: 3, spellcheck: false });
  schedule.setAttribute('aria-describedby', 'schedule-error');
  form.replaceChildren(
    element(
      'fieldset',
      {},
      element('legend', { textContent: 'Lesson' }),
      labelled('Lesson', select('lesson', [['', '(none)'], ...Object.entries(lessons).map(([k, l]) => [k, l.title] as const)], config.lesson ?? '')),
    ),
    element(
      'fieldset',
      {},
      element('legend', { textContent: 'Data' }),
      labelled('Data', select('data', same(dataKinds), config.data.kind)),
      labelled('Points', number('n', config.data.n, '1', '1')),
      labelled('Noise', number('noise', config.data.noise)),
      labelled('Data seed', number('dataSeed', config.data.seed, '1')),
      labelled('Class of added points', select('addClass', [['0', 'orange (0)'], ['1', 'blue (1)']], '1')),
      // Clicking a heatmap adds a point; these add one from the keyboard.
      labelled('New point x', number('pointX', 0, 'any', '')),
      labelled('New point y', number('pointY', 0, 'any', '')),
      element('button', { type: 'button', name: 'addPoint', textContent: 'Add the point' }),
      element('button', { type: 'button', name: 'clearPoints', textContent: `Remove added points (${config.data.points.length})` }),
    ),
    element(
      'fieldset',
      {},
      element('legend', { textContent: 'Model' }),
      labelled('Hidden layers', element('input', { name: 'hidden', value: config.model.hidden.join(', ') })),
      labelled('Activation', select('activation', same(activationNames), config.model.activation)),
      labelled('Loss', select('loss', same(lossNames), config.loss)),
      labelled('L2 weight', number('l2', config.l2)),
      labelled('Initial weights seed', element('input', { name: 'init', value: String(config.model.init) })),
    ),
    element('fieldset', {}, element('legend', { textContent: 'Optimizer' }), labelled('Optimizer', optimizer), options),
    element(
      'fieldset',
      {},
      element('legend', { textContent: 'Training' }),
      labelled('Batch', select('batch', batchChoices, String(config.batchSize))),
      labelled('Batch order seed', number('seed', config.seed, '1')),
      labelled('Steps', number('steps', config.steps, '1', '1')),
      labelled('Lane multipliers', element('input', { name: 'lanes', value: config.lanes.map((l) => l.multiplier).join(', ') })),
    ),
    element(
      'fieldset',
      {},
      element('legend', { textContent: 'Schedule' }),
      labelled('Schedule', schedule),
      element('p', { id: 'schedule-error', className: 'error' }),
      element('div', { id: 'schedule-plot' }),
      labelled('Apply to', select('applyTo', [['all', 'every lane'], ...config.lanes.map((l, i) => [String(i), `lane ${i + 1} (×${l.multiplier})`] as const)], 'all')),
      element('button', { type: 'button', name: 'applySchedule', textContent: 'Apply now, mid-run' }),
    ),
    element(
      'div',
      { className: 'actions' },
      element('button', { type: 'submit', textContent: 'Train from the start' }),
      element('button', { type: 'button', name: 'pause', textContent: 'Pause' }),
      element('button', { type: 'button', name: 'share', textContent: 'Copy link' }),
    ),
  );
}

const list = (text: string): number[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);

/**
 * The configuration the form shows, validated as a link's is (`previous` gives the added points,
 * the lesson and the lanes' overrides); throws with the field's name when a value is not valid.
 *
 * @param form - the control panel
 * @param previous - the configuration the form was rendered from
 */
export function readControls(form: HTMLFormElement, previous: PlaygroundConfig): PlaygroundConfig {
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? '');
  // An empty number field (or one whose text is not a number, which the browser empties) is no
  // value, not 0: it is refused with its name.
  const num = (name: string): number => (text(name).trim() === '' ? Number.NaN : Number(text(name)));
  const optimizer = text('optimizer') as OptimizerName;
  const options = Object.fromEntries(
    (optimizers[optimizer]?.fields ?? []).map((f) => [f.name, typeof f.default === 'boolean' ? data.get(`opt.${f.name}`) !== null : num(`opt.${f.name}`)]),
  );
  const init = text('init');
  const batch = text('batch');
  return readConfig({
    version: previous.version,
    lesson: previous.lesson,
    data: { kind: text('data'), n: num('n'), noise: num('noise'), seed: num('dataSeed'), points: previous.data.points },
    model: { hidden: list(text('hidden')), activation: text('activation'), init: init === 'micrograd' ? init : num('init') },
    loss: text('loss'),
    l2: num('l2'),
    optimizer,
    options,
    batchSize: batch === 'all' ? 'all' : Number(batch),
    seed: num('seed'),
    schedule: text('schedule'),
    // Each lane keeps the overrides it had (a lesson's), new lanes have none.
    lanes: list(text('lanes')).map((multiplier, i) => ({ ...previous.lanes[i], multiplier })),
    steps: num('steps'),
  });
}
