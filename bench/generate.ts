// Deterministic generator of newsroom-sized workspaces: N article notes of about 6 KB (frontmatter, headings, prose,
// 10–40 actor mentions as wiki links and bare aliases, 3–10 claims whose keys recur across 2–6 articles of different
// outlets and perspectives) and N/20 actor notes. The same N gives the same files, byte for byte, on every machine.
//
// Besides the notes it writes `.bench/manifest.json` (a hidden folder, which the servers do not index): where the
// mentions, claim keys and markdown links of a sample of articles are, and the notes the edit scenarios use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random, Zipf } from './random';
import {
  ADJECTIVES, FIRST_NAMES, NOUNS, ORG_ADJECTIVES, ORG_SUBJECTS, ORG_TYPES, OUTLET_NAMES, PERSPECTIVES, PLACES, ROLES_PERSON,
  SECTION_HEADINGS, SPEECH_VERBS, SPELLING_VARIANTS, STATE_ROOTS, STATE_TAILS, TEMPLATES, TIMES, TITLE_TEMPLATES, TOPICS,
  VERBS_PAST, proseWords, surnameParts,
} from './vocabulary';

/** Bump when the output changes, so that cached workspaces are generated again. */
export const GENERATOR_VERSION = 6;
const SEED = 20240611;

/**
 * The shapes of workspace the benchmark meets, so that no figure holds only for the shape it was tuned on. `default`
 * is the shape of the earlier rounds; each other shape changes one thing.
 */
export interface Shape {
  name: string;
  description: string;
  /** Actor notes per article note. */
  actorsPerArticle: number;
  /** How skewed actor popularity is: with 0.6, the most mentioned of 500 actors has a few thousand mentions in 10,000 articles. */
  popularityExponent: number;
  /** The range of an article's length in characters, drawn log-uniformly; mentions and claims scale with it. */
  length: [number, number];
  /** The share of articles written in Russian (Cyrillic prose, names spelled in Cyrillic). */
  russianShare: number;
}

export const SHAPES: Record<string, Shape> = {
  default: { name: 'default', description: 'about 6 KB per article, N/20 actors, moderate skew, all in English', actorsPerArticle: 1 / 20, popularityExponent: 0.6, length: [4000, 6000], russianShare: 0 },
  'many-actors': { name: 'many-actors', description: '4 × the actors (N/5)', actorsPerArticle: 1 / 5, popularityExponent: 0.6, length: [4000, 6000], russianShare: 0 },
  skewed: { name: 'skewed', description: 'heavier skew: the most mentioned actor has about 30,000 mentions at N = 10,000', actorsPerArticle: 1 / 20, popularityExponent: 0.95, length: [4000, 6000], russianShare: 0 },
  'mixed-sizes': { name: 'mixed-sizes', description: 'articles from 1 KB to 60 KB (log-uniform)', actorsPerArticle: 1 / 20, popularityExponent: 0.6, length: [1000, 60000], russianShare: 0 },
  russian: { name: 'russian', description: 'a third of the articles in Russian, names in Cyrillic', actorsPerArticle: 1 / 20, popularityExponent: 0.6, length: [4000, 6000], russianShare: 1 / 3 },
};
/** Articles whose positions the manifest records (requests are sent on these). */
const SAMPLED_ARTICLES = 120;
/** Average length of a generated sentence with its share of mentions and claim attributes, in characters. */
const SENTENCE_LENGTH = 120;

export interface Target {
  line: number;
  character: number;
}

export interface MentionTarget extends Target {
  actorId: string;
  form: 'wikilink' | 'bare';
}

export interface ClaimTarget extends Target {
  key: string;
}

export interface LinkTarget extends Target {
  /** The actor whose note the markdown link points to. */
  actorId: string;
}

export interface SampledArticle {
  path: string;
  mentions: MentionTarget[];
  claims: ClaimTarget[];
  actorLinks: LinkTarget[];
}

export interface Manifest {
  generatorVersion: number;
  shape: string;
  n: number;
  articles: number;
  actors: number;
  bytes: number;
  /** The most mentioned actor, and how often the generator placed it (wiki links + bare aliases + by=). */
  topActor: { id: string; path: string; mentions: number; notes: number };
  /** The actors by how often the generator placed them, most mentioned first (the first 200), with that count. */
  actorsByMentions: { id: string; mentions: number }[];
  claimKeys: number;
  sampled: SampledArticle[];
  /** A one-character edit at `at` (in a heading's text) changes only this note's diagnostics. It is one of `sampled`, and has a diagnostic. */
  ownEdit: { path: string; at: Target };
  /**
   * `source` and `dependent` alone carry `key`, from different outlets and perspectives: each is the other's only
   * counter-source. One more character at the end of `source`'s key leaves `dependent`'s claim without one.
   */
  counterEdit: { source: string; keyEnd: Target; dependent: string; key: string };
}

interface Actor {
  rank: number;
  id: string;
  name: string;
  /** Spellings a bare mention may use (the name and every alias). */
  spellings: string[];
  aliases: string[];
  kind: string;
  role: string;
  wikidata?: string;
  path: string;
}

interface Outlet {
  name: string;
  perspective: string;
  domain: string;
}

interface ClaimPlan {
  key: string;
  stance: 'asserts' | 'reports' | 'disputes';
  by?: string;
  counter?: string;
  singleSource: boolean;
  /** Carried by this article only, with no counter= and not single-source: it gets claim.no-counter-source. */
  flagged?: boolean;
}

interface ArticlePlan {
  index: number;
  path: string;
  outlet: Outlet;
  date: string;
  russian: boolean;
  cast: number[];
  claims: ClaimPlan[];
  related: number[];
}

export function workspaceFolder(benchRoot: string, n: number, shape = 'default'): string {
  return path.join(benchRoot, 'workspaces', shape === 'default' ? `n${n}` : `${shape}-n${n}`);
}

/** Generates the workspace unless an identical one is already there; returns its manifest. */
export function ensureWorkspace(root: string, n: number, log: (message: string) => void = () => {}, shape: Shape = SHAPES.default): Manifest {
  const manifestFile = path.join(root, '.bench', 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.generatorVersion === GENERATOR_VERSION && manifest.n === n && manifest.shape === shape.name) return manifest;
  }
  const started = Date.now();
  log(`generating ${n} articles (${shape.name}) in ${root} …`);
  fs.rmSync(root, { recursive: true, force: true });
  const manifest = new Generator(root, n, shape).run();
  fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  log(`generated ${manifest.articles} articles and ${manifest.actors} actors (${(manifest.bytes / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

class Generator {
  private readonly random = new Random(SEED);
  private readonly actors: Actor[];
  private readonly rankOf: Map<string, number>;
  private readonly outlets: Outlet[];
  private readonly popularity: Zipf;
  private readonly mentionCounts: number[];
  private readonly mentionNotes: number[];
  private readonly sampledIndices: Set<number>;
  private bytes = 0;
  private claimKeys = 0;

  constructor(private readonly root: string, private readonly n: number, private readonly shape: Shape) {
    this.actors = makeActors(this.random, Math.max(10, Math.round(n * shape.actorsPerArticle)));
    this.rankOf = new Map(this.actors.map((actor) => [actor.id, actor.rank]));
    this.outlets = makeOutlets();
    this.popularity = new Zipf(this.actors.length, shape.popularityExponent);
    this.mentionCounts = this.actors.map(() => 0);
    this.mentionNotes = this.actors.map(() => 0);
    const step = Math.max(1, Math.floor(n / SAMPLED_ARTICLES));
    this.sampledIndices = new Set(Array.from({ length: Math.min(n, SAMPLED_ARTICLES) }, (_, i) => Math.min(n - 1, 2 + i * step)));
  }

  run(): Manifest {
    fs.mkdirSync(this.root, { recursive: true });
    fs.writeFileSync(path.join(this.root, 'counterpoint.yaml'),
      `articles: [articles]\nactors: [actors]\nperspectives: [${PERSPECTIVES.join(', ')}]\nrules:\n  claim.no-counter-source: warning\n`);
    const plans = this.planArticles();
    const ownEditIndex = this.ownEditIndex(plans);
    const sampled: SampledArticle[] = [];
    let ownEdit: Manifest['ownEdit'] | undefined;
    let counterEdit: Manifest['counterEdit'] | undefined;
    for (const plan of plans) {
      const written = this.writeArticle(plan, plans);
      if (this.sampledIndices.has(plan.index)) sampled.push(written.sample);
      if (plan.index === ownEditIndex) ownEdit = { path: plan.path, at: written.proseTarget };
      if (plan.index === 0) counterEdit = { source: plan.path, keyEnd: written.probeKeyEnd!, dependent: plans[1].path, key: PROBE_KEY };
    }
    for (const actor of this.actors) this.writeActor(actor);
    const top = this.mentionCounts.indexOf(Math.max(...this.mentionCounts));
    const byMentions = this.actors.map((actor, rank) => ({ id: actor.id, mentions: this.mentionCounts[rank] }))
      .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
    return {
      generatorVersion: GENERATOR_VERSION,
      shape: this.shape.name,
      n: this.n,
      articles: plans.length,
      actors: this.actors.length,
      bytes: this.bytes,
      topActor: { id: this.actors[top].id, path: this.actors[top].path, mentions: this.mentionCounts[top], notes: this.mentionNotes[top] },
      actorsByMentions: byMentions.slice(0, 200),
      claimKeys: this.claimKeys,
      sampled,
      ownEdit: ownEdit!,
      counterEdit: counterEdit!,
    };
  }

  /** The sampled article nearest the middle that has a diagnostic of its own (so that its first diagnostics show). */
  private ownEditIndex(plans: ArticlePlan[]): number {
    const sampled = [...this.sampledIndices];
    const middle = sampled[Math.floor(sampled.length / 2)];
    const candidates = sampled.filter((index) => plans[index].claims.some((claim) => claim.flagged));
    return candidates.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0] ?? middle;
  }

  // ---- planning: stories of 2–6 articles that share a cast and claim keys ----

  private planArticles(): ArticlePlan[] {
    const plans: ArticlePlan[] = [];
    let storyIndex = 0;
    for (let first = 0; first < this.n; storyIndex++) {
      const size = Math.min(this.n - first, first === 0 ? 3 : this.random.int(2, 6));
      plans.push(...this.planStory(storyIndex, first, size));
      first += size;
    }
    return plans;
  }

  private planStory(story: number, first: number, size: number): ArticlePlan[] {
    const random = this.random;
    const cast = this.popularity.drawDistinct(random, Math.min(this.actors.length, random.int(3, 8)));
    const outlets = random.shuffle([...this.outlets]).slice(0, size);
    if (story === 0) {
      // The probe story: its first two articles are each other's only counter-source for PROBE_KEY.
      outlets[0] = this.outlets.find((o) => o.perspective === 'western')!;
      outlets[1] = this.outlets.find((o) => o.perspective === 'russian-state')!;
    }
    const day = new Date(Date.UTC(2021, 0, 1) + random.int(0, 4 * 365) * 86_400_000);
    const topic = random.pick(TOPICS);
    const plans: ArticlePlan[] = [];
    for (let i = 0; i < size; i++) {
      const index = first + i;
      const date = new Date(day.getTime() + random.int(0, 6) * 86_400_000).toISOString().slice(0, 10);
      const outlet = outlets[i % outlets.length];
      const slug = `${date}-${slugify(outlet.name)}-${slugify(topic)}-${index.toString(36)}`;
      // The probe story stays in English, so that its edit scenario reads the same in every shape.
      const russian = story > 0 && this.shape.russianShare > 0 && random.chance(this.shape.russianShare);
      plans.push({
        index,
        path: `articles/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}.md`,
        outlet,
        date,
        russian,
        cast: [...cast, ...(random.chance(0.5) ? [this.popularity.draw(random)] : [])].filter((a, k, all) => all.indexOf(a) === k),
        claims: [],
        related: [],
      });
    }
    this.planClaims(story, topic, plans, cast);
    for (const plan of plans) plan.related = plans.filter((other) => other !== plan).slice(0, 2).map((other) => other.index);
    return plans;
  }

  private planClaims(story: number, topic: string, plans: ArticlePlan[], cast: number[]): void {
    const random = this.random;
    const claimant = () => (random.chance(0.6) ? this.actors[random.pick(cast)].id : undefined);
    const stance = (): ClaimPlan['stance'] => (random.chance(0.12) ? 'disputes' : random.chance(0.55) ? 'reports' : 'asserts');
    const keyOf = (k: number) => `${slugify(topic)}-${random.pick(NOUNS)}-${random.pick(['agreed', 'denied', 'delayed', 'confirmed', 'expanded', 'blocked', 'funded', 'leaked'])}-${story.toString(36)}-${k}`;
    let k = 0;
    if (story === 0) {
      plans[0].claims.push({ key: PROBE_KEY, stance: 'reports', singleSource: false });
      plans[1].claims.push({ key: PROBE_KEY, stance: 'reports', singleSource: false });
      this.claimKeys++;
    }
    const targets = new Map(plans.map((plan) => [plan, Math.max(1, Math.round(random.int(3, 10) * this.lengthScale(plan)))]));
    // Keys the story's articles share, each carried by 2–6 of them, until every article has (nearly) its claims.
    for (;;) {
      const open = plans.filter((plan, i) => plan.claims.length < targets.get(plan)! && !(story === 0 && i < 2 && plan.claims.length === 0));
      if (open.length < 2) break;
      const key = keyOf(k++);
      for (const plan of random.shuffle(open).slice(0, random.int(2, open.length))) {
        plan.claims.push({ key, stance: stance(), by: claimant(), singleSource: false });
      }
      this.claimKeys++;
    }
    // The rest are the article's own: single-source, or with a counter-source cited by URL, or without one.
    for (const plan of plans) {
      while (plan.claims.length < targets.get(plan)!) {
        const single = random.chance(0.3);
        const counter = !single && random.chance(0.3) ? `https://${random.pick(this.outlets).domain}/fact-check/${story}-${k}` : undefined;
        plan.claims.push({ key: keyOf(k++), stance: stance(), by: claimant(), singleSource: single, counter, flagged: !single && !counter });
        this.claimKeys++;
      }
      random.shuffle(plan.claims);
    }
  }

  /** How much longer than the default shape's articles (about 5,000 characters) this one is, drawn once per article. */
  private lengthScale(plan: ArticlePlan): number {
    let scale = this.lengthScales.get(plan.index);
    if (scale === undefined) {
      const [low, high] = this.shape.length;
      const length = low === 4000 && high === 6000 ? 5000 : Math.exp(Math.log(low) + this.random.next() * (Math.log(high) - Math.log(low)));
      this.lengthScales.set(plan.index, (scale = length / 5000));
    }
    return scale;
  }

  private readonly lengthScales = new Map<number, number>();

  // ---- writing notes ----

  private writeArticle(plan: ArticlePlan, plans: ArticlePlan[]): { sample: SampledArticle; proseTarget: Target; probeKeyEnd?: Target } {
    const random = this.random;
    const title = fill(random, random.pick(TITLE_TEMPLATES));
    const frontmatter = [
      '---',
      `title: "${title}"`,
      `outlet: ${plan.outlet.name}`,
      `url: https://${plan.outlet.domain}/${plan.date.replace(/-/g, '/')}/${slugify(title)}-${plan.index}`,
      `date: ${plan.date}`,
      `author: ${random.pick(FIRST_NAMES)} ${surnameParts(random.int(0, 4799))}`,
      `perspective: ${plan.outlet.perspective}`,
      `language: ${plan.russian ? 'ru' : 'en'}`,
      '---',
      '',
    ].join('\n');
    const body = new Body(frontmatter, plan.russian);
    body.write(`# ${title}\n\n`);
    const scale = this.lengthScale(plan);
    const mentions = Math.max(1, Math.round(random.int(10, 40) * scale));
    const targetLength = Math.round(random.int(4000, 6000) * scale);
    const slots = this.planSlots(random, plan, mentions, Math.round(targetLength / SENTENCE_LENGTH));
    const plannedSentences = Math.max(...slots.keys()) + 1;
    const headings = random.shuffle([...SECTION_HEADINGS]);
    const mentioned = new Set<number>();
    let sentence = 0;
    let proseTarget: Target | undefined;
    for (let section = 0; sentence < plannedSentences || body.length < targetLength; section++) {
      if (section > 0) {
        body.write('## ');
        // A one-character edit in a heading's text changes nothing but this note.
        proseTarget ??= body.target(body.length + 2);
        body.write(`${headings[(section - 1) % headings.length]}\n\n`);
      }
      const paragraphs = random.int(2, 4);
      for (let p = 0; p < paragraphs; p++) {
        const sentences = random.int(3, 6);
        for (let s = 0; s < sentences; s++, sentence++) {
          if (s > 0) body.write(' ');
          const planned = slots.get(sentence) ?? { actors: [] };
          for (const actor of planned.actors) mentioned.add(actor);
          this.writeSentence(body, planned.actors, planned.claim);
        }
        body.write('\n\n');
      }
    }
    this.writeLinks(body, plan, plans, mentioned);
    for (const actor of mentioned) this.mentionNotes[actor]++;

    const text = body.text();
    this.write(plan.path, text);
    return {
      sample: { path: plan.path, mentions: body.mentions, claims: body.claims, actorLinks: body.actorLinks },
      proseTarget: proseTarget!,
      probeKeyEnd: body.probeKeyEnd,
    };
  }

  /** Which sentences carry which mentions and claims. */
  private planSlots(random: Random, plan: ArticlePlan, mentions: number, sentences: number): Map<number, { actors: number[]; claim?: ClaimPlan }> {
    const slots = new Map<number, { actors: number[]; claim?: ClaimPlan }>();
    const slot = (index: number) => slots.get(index) ?? slots.set(index, { actors: [] }).get(index)!;
    const lead = plan.cast[0];
    for (let m = 0; m < mentions; m++) {
      const actor = random.chance(0.08) ? this.popularity.draw(random) : random.chance(0.35) ? lead : random.pick(plan.cast);
      let index = random.int(0, sentences - 1);
      while (slot(index).actors.length >= 3) index++;
      slot(index).actors.push(actor);
    }
    for (const claim of plan.claims) {
      let index = random.int(0, sentences - 1);
      while (slot(index).claim) index++;
      slot(index).claim = claim;
    }
    return slots;
  }

  private writeSentence(body: Body, actors: number[], claim: ClaimPlan | undefined): void {
    const random = this.random;
    const template = random.pick(TEMPLATES[actors.length]);
    if (claim) body.write('[');
    const parts = fill(random, template).split('{A}');
    parts.forEach((part, i) => {
      body.write(part);
      if (i < actors.length) this.writeMention(body, actors[i]);
    });
    if (claim) this.writeClaimAttributes(body, claim);
  }

  private writeMention(body: Body, rank: number): void {
    const random = this.random;
    const actor = this.actors[rank];
    this.mentionCounts[rank]++;
    if (random.chance(0.35)) {
      const label = random.chance(0.4) ? `|${random.pick(actor.spellings)}` : '';
      body.write('[[');
      body.mention(actor.id, 'wikilink');
      body.raw(`${actor.id}`);
      body.write(`${label}]]`);
    } else {
      body.mention(actor.id, 'bare');
      body.write(random.pick(actor.spellings));
    }
  }

  private writeClaimAttributes(body: Body, claim: ClaimPlan): void {
    body.write(']{');
    if (claim.singleSource) body.write('.single-source ');
    body.raw('claim=');
    body.claim(claim.key);
    body.raw(claim.key);
    if (claim.key === PROBE_KEY) body.probeKeyEnd = body.target(body.length);
    if (claim.by) {
      body.raw(` by=${claim.by}`);
      this.mentionCounts[this.rankOf.get(claim.by)!]++;
    }
    if (claim.stance !== 'asserts' || this.random.chance(0.5)) body.raw(` stance=${claim.stance}`);
    if (claim.counter) body.raw(` counter=${claim.counter}`);
    body.write('}');
  }

  /** Closing lines: markdown links to the profiles of the actors mentioned and to related coverage. */
  private writeLinks(body: Body, plan: ArticlePlan, plans: ArticlePlan[], mentioned: Set<number>): void {
    const folder = path.posix.dirname(plan.path);
    const profiles = [...mentioned].sort((a, b) => a - b).slice(0, 3);
    if (profiles.length > 0) {
      body.write('Profiles: ');
      profiles.forEach((rank, i) => {
        const actor = this.actors[rank];
        if (i > 0) body.write(', ');
        body.write(`[${actor.name}](`);
        body.actorLink(actor.id);
        body.raw(`${path.posix.relative(folder, actor.path)})`);
      });
      body.write('.\n');
    }
    if (plan.related.length > 0) {
      const links = plan.related.map((index) => {
        const other = plans[index];
        return { label: `${other.outlet.name}, ${other.date}`, target: path.posix.relative(folder, other.path) };
      });
      body.write('See also: ');
      links.forEach((link, i) => {
        body.write(`${i > 0 ? '; ' : ''}[${link.label}](`);
        body.raw(`${link.target})`);
      });
      body.write('.\n');
    }
  }

  private writeActor(actor: Actor): void {
    const lines = ['---', `name: ${quoteYaml(actor.name)}`];
    if (actor.aliases.length > 0) lines.push('aliases:', ...actor.aliases.map((alias) => `  - ${quoteYaml(alias)}`));
    lines.push(`kind: ${actor.kind}`, `role: ${quoteYaml(actor.role)}`);
    if (actor.wikidata) lines.push(`wikidata: ${actor.wikidata}`);
    lines.push('---', '');
    const spellings = actor.aliases.length > 0 ? ` Spelled ${actor.aliases.join(', ')} in the sources.` : '';
    lines.push(`${actor.role}. ${fill(this.random, TEMPLATES[0][this.random.int(0, TEMPLATES[0].length - 1)])}${spellings}`, '');
    this.write(actor.path, lines.join('\n'));
  }

  private write(relative: string, text: string): void {
    const file = path.join(this.root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    this.bytes += Buffer.byteLength(text);
  }
}

const PROBE_KEY = 'probe-counter-source';

/** Note text under construction, with the positions of what the manifest records. */
class Body {
  private readonly chunks: string[] = [];
  length: number;
  readonly mentions: MentionTarget[] = [];
  readonly claims: ClaimTarget[] = [];
  readonly actorLinks: LinkTarget[] = [];
  probeKeyEnd?: Target;
  private line = 0;
  private lineStart = 0;

  /** In a Russian article, prose, headings and names are written in Cyrillic; ids, keys and paths stay as they are. */
  constructor(frontmatter: string, private readonly cyrillic = false) {
    this.length = 0;
    this.raw(frontmatter);
  }

  write(text: string): void {
    this.raw(this.cyrillic ? toCyrillic(text) : text);
  }

  /** Text written as given, whatever the article's language. */
  raw(text: string): void {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = this.length + i + 1;
    }
    this.chunks.push(text);
    this.length += text.length;
  }

  /** The position of an offset on the current line (or earlier on it). */
  target(offset: number): Target {
    return { line: this.line, character: offset - this.lineStart };
  }

  mention(actorId: string, form: MentionTarget['form']): void {
    this.mentions.push({ ...this.target(this.length + 1), actorId, form });
  }

  claim(key: string): void {
    this.claims.push({ ...this.target(this.length + 1), key });
  }

  actorLink(actorId: string): void {
    this.actorLinks.push({ ...this.target(this.length + 2), actorId });
  }

  text(): string {
    return this.chunks.join('');
  }
}

const CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'дж', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'й', z: 'з',
};

/**
 * Latin letters to Cyrillic, letter by letter: not Russian, but text of the same script, byte size and word shapes
 * (names such as "Tokarev" become "Токарев"), which is what reading, parsing and alias matching see.
 */
function toCyrillic(text: string): string {
  let result = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const mapped = CYRILLIC[lower];
    if (mapped === undefined) result += char;
    else result += char === lower ? mapped : mapped[0].toUpperCase() + mapped.slice(1);
  }
  return result;
}

function makeOutlets(): Outlet[] {
  return PERSPECTIVES.flatMap((perspective) =>
    OUTLET_NAMES[perspective].map((name) => ({ name, perspective, domain: `${slugify(name)}.example` })));
}

function makeActors(random: Random, count: number): Actor[] {
  const vocabulary = proseWords();
  const taken = new Set<string>();
  const ids = new Set<string>();
  const free = (spelling: string) => {
    const key = spelling.toLowerCase();
    if (taken.has(key) || key.split(/\s+/).every((word) => vocabulary.has(word))) return false;
    taken.add(key);
    return true;
  };
  const actors: Actor[] = [];
  let person = 0;
  let org = 0;
  let state = 0;
  for (let rank = 0; actors.length < count; rank++) {
    const roll = random.next();
    const kind = roll < 0.6 ? 'person' : roll < 0.85 ? 'organization' : roll < 0.93 ? 'state' : roll < 0.97 ? 'territory' : 'media';
    let name: string;
    let aliases: string[] = [];
    let role: string;
    if (kind === 'person') {
      const surname = surnameParts(person++);
      name = `${random.pick(FIRST_NAMES)} ${surname}`;
      if (!free(name) || !free(surname)) continue;
      aliases = [surname];
      const variant = spellingVariant(surname);
      if (variant && random.chance(0.6) && free(variant)) aliases.push(variant);
      role = random.pick(ROLES_PERSON);
    } else if (kind === 'organization' || kind === 'media') {
      const n = org++;
      const words = [ORG_ADJECTIVES[n % ORG_ADJECTIVES.length], ORG_SUBJECTS[Math.floor(n / ORG_ADJECTIVES.length) % ORG_SUBJECTS.length],
        kind === 'media' ? 'Broadcasting' : ORG_TYPES[Math.floor(n / (ORG_ADJECTIVES.length * ORG_SUBJECTS.length)) % ORG_TYPES.length]];
      const cycle = Math.floor(n / (ORG_ADJECTIVES.length * ORG_SUBJECTS.length * ORG_TYPES.length));
      name = words.join(' ') + (cycle > 0 ? ` ${cycle + 1}` : '');
      if (!free(name)) continue;
      const acronym = words.map((w) => w[0]).join('') + (cycle > 0 ? String(cycle + 1) : '');
      if (free(acronym)) aliases.push(acronym);
      role = kind === 'media' ? 'Broadcaster' : `${words[1]} ${words[2].toLowerCase()}`;
    } else {
      const n = state++;
      const root = STATE_ROOTS[n % STATE_ROOTS.length] + STATE_TAILS[Math.floor(n / STATE_ROOTS.length) % STATE_TAILS.length];
      const cycle = Math.floor(n / (STATE_ROOTS.length * STATE_TAILS.length));
      name = kind === 'territory' ? `North ${root}` : root;
      if (cycle > 0) name += ` ${['Minor', 'Major', 'Upper', 'Lower', 'New', 'Old'][cycle % 6]}${cycle >= 6 ? ` ${cycle}` : ''}`;
      if (!free(name)) continue;
      role = kind === 'territory' ? 'Disputed territory' : 'State';
    }
    let id = slugify(kind === 'person' ? aliases[0] : name);
    while (ids.has(id)) id += '-x';
    ids.add(id);
    actors.push({
      rank: actors.length,
      id,
      name,
      aliases,
      spellings: [name, ...aliases],
      kind,
      role,
      wikidata: random.chance(0.3) ? `Q${random.int(1000, 9_999_999)}` : undefined,
      path: `actors/${id}.md`,
    });
  }
  return actors;
}

function spellingVariant(surname: string): string | undefined {
  for (const [pattern, replacement] of SPELLING_VARIANTS) {
    if (pattern.test(surname)) return surname.replace(pattern, replacement);
  }
  return undefined;
}

/** Fills a template's word slots (everything but `{A}`). */
function fill(random: Random, template: string): string {
  return withArticles(template.replace(/\{(topic|Topic|noun|adj|Adj|past|said|time|place)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'topic': return random.pick(TOPICS);
      case 'Topic': return capitalize(random.pick(TOPICS));
      case 'noun': return random.pick(NOUNS);
      case 'adj': return random.pick(ADJECTIVES);
      case 'Adj': return capitalize(random.pick(ADJECTIVES));
      case 'past': return random.pick(VERBS_PAST);
      case 'said': return random.pick(SPEECH_VERBS);
      case 'time': return random.pick(TIMES);
      default: return random.pick(PLACES);
    }
  }));
}

/** "an" before a vowel, "a" before anything else. */
function withArticles(text: string): string {
  return text.replace(/\b([Aa])n? (?=([\p{L}]))/gu, (match, a: string, next: string) => (/[aeiouAEIOU]/.test(next) ? `${a}n ` : `${a} `));
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function quoteYaml(value: string): string {
  return /^[\w .'-]+$/.test(value) && !/^(yes|no|true|false|null|on|off)$/i.test(value) ? value : JSON.stringify(value);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  const shape = SHAPES[process.argv[3] ?? 'default'];
  if (!shape) throw new Error(`unknown shape ${process.argv[3]}: one of ${Object.keys(SHAPES).join(', ')}`);
  const root = process.argv[4] ?? workspaceFolder(path.resolve(__dirname, '..', '..', 'bench'), n, shape.name);
  const manifest = ensureWorkspace(root, n, (message) => console.log(message), shape);
  console.log(JSON.stringify({ ...manifest, sampled: manifest.sampled.length, actorsByMentions: manifest.actorsByMentions.slice(0, 5) }, null, 2));
}
