// Removing a Parallel branch: the question asked first, naming how many steps go with it
// (steps nested in a Map or Parallel inside the branch count too). Pure (tested in
// distributed.test.ts with the other form logic).
import { stateNames } from './names';

/** The steps a branch holds, at every depth. */
export function branchSteps(branch: unknown): string[] {
  return stateNames(branch);
}

/** The confirmation question for removing branch `index` (0-based). */
export function removeBranchQuestion(index: number, branch: unknown): string {
  const steps = branchSteps(branch);
  const n = steps.length;
  const named = n === 0 ? '' : n <= 3 ? ` (${steps.map((s) => `“${s}”`).join(', ')})` : ` (“${steps[0]}” and ${n - 1} more)`;
  return `Remove branch ${index + 1}? Its ${n} step${n === 1 ? '' : 's'}${named} will be deleted too.`;
}
