/**
 * The TextMate grammar (syntaxes/sports-article.tmLanguage.json) tokenized by vscode-textmate with
 * the Oniguruma WASM build, as VS Code does, plus the word pattern of language-configuration.json.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import {
  GRAMMAR_PATH,
  ROOT,
  SCOPE_NAME,
  countScope,
  hasScope,
  loadGrammar,
  quotedRuns,
  scopesOf,
  tokenize,
  type TokenizedLine,
} from './grammar-helpers';

const DATE = 'constant.other.date';
const NUMBER = 'constant.numeric';
const QUOTED = 'string.quoted';

let grammar: IGrammar;
before(async () => {
  grammar = await loadGrammar();
});

const lines = (text: string): TokenizedLine[] => tokenize(grammar, text);

/** `needle` (its first occurrence in `text`) is covered by `scope` exactly: all of it, and not the characters either side. */
function assertExactly(text: string, needle: string, scope: string): void {
  const at = text.indexOf(needle);
  assert.ok(at >= 0 && !text.slice(0, at).includes('\n'), `test text must hold "${needle}" on its first line`);
  const [line] = lines(text);
  const scopes = line!.scopes;
  for (let i = at; i < at + needle.length; i++) {
    assert.ok(hasScope(scopes[i] ?? [], scope), `"${needle}" in "${text}": "${text[i]}" lacks ${scope} (has ${scopes[i]?.join(' ')})`);
  }
  for (const i of [at - 1, at + needle.length]) {
    if (i >= 0 && i < text.length) {
      assert.ok(!hasScope(scopes[i] ?? [], scope), `"${needle}" in "${text}": ${scope} runs over onto "${text[i]}"`);
    }
  }
}

function assertNoScope(text: string, scope: string): void {
  for (const line of lines(text)) {
    line.scopes.forEach((scopes, i) => {
      assert.ok(!hasScope(scopes, scope), `"${text}": "${line.text[i]}" at ${i} has ${scope}`);
    });
  }
}

describe('grammar file', () => {
  const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as {
    scopeName: string;
    repository: Record<string, unknown>;
  };

  it('declares the scope name the manifest contributes', () => {
    assert.equal(raw.scopeName, SCOPE_NAME);
  });

  it('every regular expression compiles in Oniguruma', async () => {
    await loadGrammar(); // loads the WASM
    const sources: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') sources.push(value);
          else walk(value);
        }
      }
    };
    walk(raw);
    assert.ok(sources.length > 20);
    for (const source of sources) {
      assert.doesNotThrow(() => oniguruma.createOnigScanner([source]).dispose(), source);
    }
  });
});

describe('quotes', () => {
  const styles: [string, string, string][] = [
    ['He said “we won” today', '“we won”', 'string.quoted.double'],
    ['He said "we won" today', '"we won"', 'string.quoted.double'],
    ['Ha detto «abbiamo vinto» oggi', '«abbiamo vinto»', 'string.quoted.other'],
    ['Ha detto ‹abbiamo vinto› oggi', '‹abbiamo vinto›', 'string.quoted.other'],
    ['He said ‘we won’ today', '‘we won’', 'string.quoted.single'],
    ["He said 'we won' today", "'we won'", 'string.quoted.single'],
    ['Ha detto „abbiamo vinto“ oggi', '„abbiamo vinto“', 'string.quoted.double'],
    ['Ha detto „abbiamo vinto” oggi', '„abbiamo vinto”', 'string.quoted.double'],
  ];
  for (const [text, quote, scope] of styles) {
    it(`${quote[0]}…${quote.at(-1)} is ${scope} with begin and end punctuation`, () => {
      assertExactly(text, quote, scope);
      const scopes = scopesOf(lines(text), quote);
      assert.ok(hasScope(scopes[0]!, 'punctuation.definition.string.begin'));
      assert.ok(hasScope(scopes.at(-1)!, 'punctuation.definition.string.end'));
      assert.ok(!hasScope(scopes[1]!, 'punctuation.definition.string'));
    });
  }

  describe('apostrophes are never quotes', () => {
    const cases = [
      'L’avventura di Carlo Ancelotti',
      'gli eterni rivali dell’Atletico Madrid',
      'he entered Ancelotti’s office',
      "Real Madrid's famed midfield",
      "nonostante l'esonero che non arriverà",
      "rock 'n' roll football",
      'rock ‘n’ roll football',
      "the '90s were different",
      'the ’90s were different',
      'the ‘90s were different',
      "the players' union met",
      'the players’ union met',
      "I don't know, I didn’t want you to leave",
      'un po’ di tempo',
      "let 'em play",
      "O’Neill and N’Golo Kanté",
      'a stray ’ mark and a lonely ‘ mark',
    ];
    for (const text of cases) {
      it(text, () => assertNoScope(text, QUOTED));
    }

    it('inside an open quote, apostrophes neither close it nor open a nested one', () => {
      const text =
        '“L’avventura dell’Atletico, Ancelotti’s office, l\'esonero, rock \'n\' roll, the \'90s, the ’90s, the players’ union and the players\' bus, un po’ di tempo” he said';
      const quote = text.slice(0, text.indexOf('” he') + 1);
      assertExactly(text, quote, 'string.quoted.double');
      for (const scopes of scopesOf(lines(text), quote)) assert.equal(countScope(scopes, QUOTED), 1);
    });

    it('a single quote runs past in-word apostrophes to its real closing mark', () => {
      const text = 'He said ‘I don’t know dell’Atletico’, then left';
      assertExactly(text, '‘I don’t know dell’Atletico’', 'string.quoted.single');
      const straight = "He said 'I don't know dell'Atletico', then left";
      assertExactly(straight, "'I don't know dell'Atletico'", 'string.quoted.single');
    });

    it('‘ opens only after start, space or punctuation and before a non-space', () => {
      assertNoScope('x‘y and ‘ z', QUOTED);
      assertExactly('‘Here’ at the start', '‘Here’', 'string.quoted.single');
      assertExactly('(‘here’)', '‘here’', 'string.quoted.single');
    });
  });

  describe('nesting', () => {
    it('‘…’ inside “…”', () => {
      const text = 'He said “I told him ‘never’ and left” then';
      assertExactly(text, '“I told him ‘never’ and left”', 'string.quoted.double');
      assertExactly(text, '‘never’', 'string.quoted.single');
      assert.equal(countScope(scopesOf(lines(text), 'never')[0]!, QUOTED), 2);
    });

    it('“…” inside «…»', () => {
      const text = 'Ha detto «è stata una squadra “galattica” davvero» ieri';
      assertExactly(text, '«è stata una squadra “galattica” davvero»', 'string.quoted.other');
      assertExactly(text, '“galattica”', 'string.quoted.double');
    });

    it('"…" inside “…”, and a straight " closing the curly quote', () => {
      const text = 'He said “they call it "the derby" here” today';
      assertExactly(text, '“they call it "the derby" here”', 'string.quoted.double');
      assert.equal(countScope(scopesOf(lines(text), 'derby')[0]!, QUOTED), 2);
      assertExactly('A mixed “quote" today', '“quote"', 'string.quoted.double');
    });

    it('an unclosed nested quote ends where the outer quote ends', () => {
      const text = '"He told me: ‘Case, I don’t know... I didn’t want you to leave". pic.twitter.com';
      const outer = '"He told me: ‘Case, I don’t know... I didn’t want you to leave"';
      assertExactly(text, outer, 'string.quoted.double');
      assertExactly(text, '‘Case, I don’t know... I didn’t want you to leave', 'string.quoted.single');
      assertExactly('«Disse ‘basta» e uscì', '«Disse ‘basta»', 'string.quoted.other');
    });

    it('every style, left open inside every other style, ends with the outer quote', () => {
      const marks: [string, string][] = [['“', '”'], ['"', '"'], ['„', '“'], ['«', '»'], ['‹', '›'], ['‘', '’'], ["'", "'"]];
      for (const [outerOpen, outerClose] of marks) {
        for (const [innerOpen] of marks) {
          // “ closes „, so it cannot open a quote inside one.
          if (innerOpen === outerOpen || (outerOpen === '„' && innerOpen === '“')) continue;
          const quote = `${outerOpen}a ${innerOpen}b${outerClose}`;
          const doc = lines(`x ${quote} c`);
          assert.deepEqual(quotedRuns(doc), [quote], quote);
          assert.equal(countScope(scopesOf(doc, 'b')[0]!, QUOTED), 2, quote);
        }
      }
    });

    it('„…“ holding ‘…’ and «…»', () => {
      const text = 'Er sagte „das ist ‘gut’ und «schön»“ heute';
      assertExactly(text, '„das ist ‘gut’ und «schön»“', 'string.quoted.double');
      assertExactly(text, '‘gut’', 'string.quoted.single');
      assertExactly(text, '«schön»', 'string.quoted.other');
    });
  });

  describe('quotes over several lines', () => {
    it('a quote continues onto the next line until its closing mark', () => {
      const doc = lines('He said “this goes\non and on” and stopped');
      assert.deepEqual(quotedRuns(doc), ['“this goes\non and on”']);
      assert.ok(!hasScope(scopesOf(doc, 'stopped')[0]!, QUOTED));
    });

    it('an unterminated quote ends at the blank line closing its paragraph', () => {
      const doc = lines('He said "this never\nends in this paragraph\n\nNext paragraph is plain.');
      assert.deepEqual(quotedRuns(doc), ['"this never\nends in this paragraph']);
      assert.ok(!hasScope(scopesOf(doc, 'Next')[0]!, QUOTED));
      const nested = lines('«Fuori ‘sempre\n\nPoi niente');
      assert.ok(!hasScope(scopesOf(nested, 'Poi')[0]!, QUOTED));
    });

    it('each paragraph of a multi-paragraph quote reopens with its own mark', () => {
      const doc = lines('"First paragraph of the quote.\n\n"Second paragraph," he said.');
      assert.deepEqual(quotedRuns(doc), ['"First paragraph of the quote.', '"Second paragraph,"']);
    });
  });
});

describe('dates', () => {
  it('the header line at the very start of the file', () => {
    const doc = lines(' date 2024-04-19 Advertisement\n\nBody.');
    const keyword = scopesOf(doc, 'date')[0]!;
    assert.ok(hasScope(keyword, 'meta.header.date') && hasScope(keyword, 'keyword.other.date'));
    for (const scopes of scopesOf(doc, '2024-04-19')) assert.ok(hasScope(scopes, 'meta.header.date') && hasScope(scopes, DATE));
    assert.ok(!hasScope(scopesOf(doc, 'Advertisement')[0]!, 'meta.header'));
    assertExactly('date 2024-11 Non sta vivendo', 'date 2024-11', 'meta.header.date');
  });

  it('the header only on the first line', () => {
    const doc = lines('Title\ndate 2024-04-19');
    assert.ok(!hasScope(scopesOf(doc, 'date')[0]!, 'meta.header'));
    assert.ok(hasScope(scopesOf(doc, '2024-04-19')[0]!, DATE));
    assertNoScope('the date 2024-04-19 here', 'meta.header');
  });

  const english: [string, string][] = [
    ['played on 2024-04-19 at home', '2024-04-19'],
    ['published 2025-01 online', '2025-01'],
    ['on 21 April 2024 they won', '21 April 2024'],
    ['on April 21, 2024 they won', 'April 21, 2024'],
    ['on April 21 they won', 'April 21'],
    ['on 21st April they won', '21st April'],
    ['on the 3rd of May, 2023, they won', '3rd of May, 2023'],
    ['on 3 Sept. 2023 they won', '3 Sept. 2023'],
    ['back in April 2024 they won', 'April 2024'],
    ['on Sunday they play', 'Sunday'],
    ['since 1998 they have', '1998'],
    ['the 2021-22 season', '2021-22'],
    ['the 2021/22 season', '2021/22'],
    ['the 2021/2022 season', '2021/2022'],
    ['the 2021–22 season', '2021–22'],
    ['in the 1990s they', '1990s'],
    ['on 21/04/2024 they won', '21/04/2024'],
  ];
  const italian: [string, string][] = [
    ['il 21 aprile 2024 hanno vinto', '21 aprile 2024'],
    ['il 1° maggio hanno vinto', '1° maggio'],
    ['a gennaio 2025 hanno vinto', 'gennaio 2025'],
    ['a maggio del 2024 hanno vinto', 'maggio del 2024'],
    ['Dicembre 2023 fu duro', 'Dicembre 2023'],
    ['domenica si gioca', 'domenica'],
    ['lunedì si gioca', 'lunedì'],
    ['fino al 2026, malgrado', '2026'],
    ['la stagione 2024/25 è', '2024/25'],
  ];
  for (const [text, date] of [...english, ...italian]) {
    it(`${date} in "${text}"`, () => assertExactly(text, date, DATE));
  }

  it('month names alone, and words that only look like dates, are not dates', () => {
    for (const [text, word] of [
      ['You may go', 'may'],
      ['They march on', 'march'],
      ['in March they won', 'March'],
      ['beat them in March 3-1', 'March'],
      ['Agosto is a surname', 'Agosto'],
      ['a 2000-seat stand', '2000'],
    ] as const) {
      assert.ok(!hasScope(scopesOf(lines(text), word)[0]!, DATE), `${word} in "${text}"`);
    }
  });

  it('dates inside quotes', () => {
    const text = '«Ci vediamo il 21 aprile 2024» disse';
    assertExactly(text, '21 aprile 2024', DATE);
    assert.ok(hasScope(scopesOf(lines(text), '21')[0]!, QUOTED));
  });
});

describe('numbers', () => {
  const cases: [string, string][] = [
    ['he played 331 games', '331'],
    ['a fee of 1.5 million', '1.5'],
    ['un costo di 1,5 milioni', '1,5'],
    ['crowd of 81,044 fans', '81,044'],
    ['folla di 81.044 tifosi', '81.044'],
    ['possession at 65% today', '65%'],
    ['possesso al 65 % oggi', '65 %'],
    ['finished 1st in the league', '1st'],
    ['arrivato 2° in classifica', '2°'],
    ['la 3ª giornata', '3ª'],
    ['a value of 2024.5 units', '2024.5'],
  ];
  for (const [text, number] of cases) {
    it(`${number} in "${text}"`, () => assertExactly(text, number, NUMBER));
  }

  it('dates win over numbers', () => {
    for (const [text, date] of [
      ['on 21 April 2024 they', '21 April 2024'],
      ['il 1° maggio', '1° maggio'],
      ['in 2022 they won', '2022'],
      ['the 2021-22 season', '2021-22'],
    ]) {
      assertExactly(text!, date!, DATE);
      assertNoScope(text!, NUMBER);
    }
  });

  it('digits inside words are not numbers', () => {
    assertNoScope('pic.twitter.com/teCw4uBzRo and U21', NUMBER);
  });
});

describe('seed articles', () => {
  const samples = readdirSync(`${ROOT}samples`).filter((f) => f.endsWith('.txt')).sort();

  it('are all four present', () => assert.equal(samples.length, 4));

  for (const file of samples) {
    it(`${file} tokenizes without error`, () => {
      const doc = lines(readFileSync(`${ROOT}samples/${file}`, 'utf8'));
      assert.ok(doc.length > 5);
      assert.ok(doc.every((l) => !l.stoppedEarly));
    });
  }

  it('finds exactly the quotes of 000 (English, curly and straight, one nested)', () => {
    const doc = lines(readFileSync(`${ROOT}samples/000_691f7d17e64d9296.txt`, 'utf8'));
    assert.deepEqual(quotedRuns(doc), [
      '“When my deal with Man United was done, I entered Ancelotti’s office and he started crying. It was the only time I doubted leaving Madrid”',
      '“Case, I don’t know... I just want you to know that I love you! I didn’t want you to leave”',
      '"When everything was done with Man United, I entered Ancelotti’s office... he started crying"',
      '"He told me: ‘Case, I don’t know... I just want you to know that I love you! I didn’t want you to leave"',
      '"It was the only moment where I doubted leaving Real Madrid"',
    ]);
    assert.equal(countScope(scopesOf(doc, '“Case')[1]!, QUOTED), 1);
    assert.equal(countScope(scopesOf(doc, '‘Case')[1]!, QUOTED), 2);
    assert.ok(hasScope(scopesOf(doc, '2024-04-19')[0]!, 'meta.header.date'));
    assert.ok(hasScope(scopesOf(doc, '331')[0]!, NUMBER));
    assert.ok(hasScope(scopesOf(doc, 'Sunday')[0]!, DATE));
  });

  it('finds the one quote of the Italian articles and no apostrophe quotes', () => {
    const quotes = samples.slice(1).flatMap((f) => quotedRuns(lines(readFileSync(`${ROOT}samples/${f}`, 'utf8'))));
    assert.deepEqual(quotes, ['“galattica”']);
  });
});

describe('pathological lines finish', () => {
  const TIME_LIMIT_MS = 60_000;

  it('a 100 KB line of article text', () => {
    const prose = readFileSync(`${ROOT}samples/000_691f7d17e64d9296.txt`, 'utf8').replace(/\n/g, ' ');
    const line = prose.repeat(Math.ceil(100_000 / prose.length)).slice(0, 100_000);
    const result = grammar.tokenizeLine(line, null, TIME_LIMIT_MS);
    assert.equal(result.stoppedEarly, false);
    assert.ok(result.tokens.length > 100);
  });

  for (const [name, line] of [
    ['10,000 straight double quotes', '"'.repeat(10_000)],
    ['10,000 curly quotes of every kind', '“”‘’«»„‹›\''.repeat(1_000)],
    ['10,000 opening quotes', '“ «a ‘b "c \'d „e ‹f '.repeat(1_000)],
    ['10,000 possessive apostrophes in a single quote', `‘a${'s’ x'.repeat(10_000)}`],
  ] as const) {
    it(name, () => {
      const result = grammar.tokenizeLine(line, null, TIME_LIMIT_MS);
      assert.equal(result.stoppedEarly, false);
    });
  }
});

describe('language configuration', () => {
  const config = JSON.parse(readFileSync(`${ROOT}language-configuration.json`, 'utf8')) as {
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: [string, string][];
    wordPattern: { pattern: string; flags: string };
  };
  // VS Code compiles the word pattern with the given flags plus "g" (ensureValidWordDefinition).
  const wordPattern = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
  /** The word VS Code would select on a double-click at `needle`'s first character. */
  const wordAt = (text: string, needle: string): string | undefined => {
    const at = text.indexOf(needle);
    return [...text.matchAll(wordPattern)].find((m) => m.index <= at && at < m.index + m[0].length)?.[0];
  };

  it('auto-closes and surrounds every typographic quote style, never the apostrophe', () => {
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    for (const pair of ['“”', '„“', '«»', '‹›', '‘’', '""', '()', '[]']) assert.ok(pairs.includes(pair), pair);
    assert.ok(!config.autoClosingPairs.some((p) => p.open === "'"));
    const surrounding = config.surroundingPairs.map(([open, close]) => open + close);
    for (const pair of ['“”', '„“', '«»', '‘’', '""', "''", '()']) assert.ok(surrounding.includes(pair), pair);
  });

  const words: [string, string, string][] = [
    ['il ritorno di Mbappé in città', 'Mbappé', 'Mbappé'],
    ['gli eterni rivali dell’Atletico', 'Atletico', 'Atletico'],
    ['gli eterni rivali dell’Atletico', 'dell', 'dell'],
    ["nonostante l'esonero", 'esonero', 'esonero'],
    ['he entered Ancelotti’s office', 'Ancelotti', 'Ancelotti'],
    ["Real Madrid's midfield", 'Madrid', 'Madrid'],
    ['I don’t know', 'don', 'don’t'],
    ["they're here", 'they', "they're"],
    ['signed for Al-Nassr in 2022', 'Al', 'Al-Nassr'],
    ['Paris Saint-Germain won', 'Germain', 'Saint-Germain'],
    ['N’Golo Kanté and O’Neill', 'Golo', 'N’Golo'],
    ['N’Golo Kanté and O’Neill', 'Neill', 'O’Neill'],
    ['L’Inter ha vinto', 'Inter', 'Inter'],
    ['the 2021-22 season', '2021', '2021-22'],
    ['a fee of 1.234,5 euro', '234', '1.234,5'],
    ['players’ union', 'players', 'players'],
  ];
  for (const [text, at, word] of words) {
    it(`double-click on "${at}" in "${text}" selects "${word}"`, () => assert.equal(wordAt(text, at), word));
  }
});
