import { insertIfAbsent, type Models } from '../models.js';
import type { LinkDoc } from '../schemas/linkSchema.js';

export class LinkRepository {
  constructor(private readonly models: Models) {}

  /** Records a link once; a retried effect finds it there and changes nothing. */
  async put(doc: LinkDoc): Promise<void> {
    await insertIfAbsent(this.models.links, doc);
  }

  async from(caseId: string): Promise<LinkDoc[]> {
    return this.models.links.find({ fromCaseId: caseId }).lean<LinkDoc[]>().exec();
  }

  async to(caseId: string): Promise<LinkDoc[]> {
    return this.models.links.find({ toCaseId: caseId }).lean<LinkDoc[]>().exec();
  }
}
