import { specReferenceMarkdown } from '../lib/spec/reference';

process.stdout.write(specReferenceMarkdown());
