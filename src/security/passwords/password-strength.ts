import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

let estimator: ZxcvbnFactory | null = null;

/** zxcvbn-ts score, 0 (guessable in seconds) to 4 (very hard), knowing the user's own words. */
export function passwordScore(password: string, userInputs: readonly string[]): number {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator.check(password, [...userInputs]).score;
}
