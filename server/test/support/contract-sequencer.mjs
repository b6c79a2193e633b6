/** Jest's usual order, except that the contract's coverage check runs after every other test file. */
import Sequencer from '@jest/test-sequencer';

const LAST = 'contract-coverage.e2e-spec.ts';
const Base = Sequencer.default ?? Sequencer;

export default class ContractCoverageLast extends Base {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const last = (t) => t.path.endsWith(LAST);
    return [...sorted.filter((t) => !last(t)), ...sorted.filter(last)];
  }
}
