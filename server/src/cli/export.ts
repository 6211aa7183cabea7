import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildClaimReviews, serializeJsonLd } from '../render/claimReview';
import { isIsoDate } from '../syntax/note';
import type { CliCommand } from './command';
import { UsageError, loadFolder } from './workspace';

const EXPORT_FORMATS = ['--claimreview (schema.org ClaimReview JSON-LD)'];

export const exportCommand: CliCommand = {
  name: 'export',
  usage: ['export [folder] --claimreview [--out file] [--date YYYY-MM-DD]   schema.org ClaimReview JSON-LD drafts, one per claim key, the review fields left empty'],
  formats: ['json'],
  options: ['out', 'date'],
  flags: ['claimreview'],
  maxPositional: 1,
  async run({ positional, options, flags }) {
    if (!flags.has('claimreview')) throw new UsageError(`export needs a format: ${EXPORT_FORMATS.join(', ')}.`);
    const reviewDate = options.date;
    if (reviewDate !== undefined && !isIsoDate(reviewDate)) throw new UsageError(`--date must be an ISO 8601 date such as 2024-05-31, not ${reviewDate}.`);

    const { workspace } = await loadFolder(positional[0] ?? '.');
    const { reviews, notices } = buildClaimReviews(workspace, { reviewDate });
    if (reviews.length === 0) process.stderr.write('counterpoint: no claims: annotate claims with [text]{claim=…} or run counterpoint import first.\n');
    for (const notice of notices) process.stderr.write(`counterpoint: ${notice.message}\n`);

    const json = `${serializeJsonLd(reviews)}\n`;
    if (options.out === undefined) {
      process.stdout.write(json);
      return 0;
    }
    try {
      await fs.writeFile(path.resolve(options.out), json);
    } catch (error) {
      process.stderr.write(`counterpoint: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    process.stderr.write(`Wrote ${reviews.length} ClaimReview drafts to ${options.out}; fill in url, author, datePublished and reviewRating before publishing.\n`);
    return 0;
  },
};
