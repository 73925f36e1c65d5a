import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms } from '../../../src/shared/content/search-terms';

// Two texts "meet" when the query's terms are all among the text's index terms.
const meets = (query: string, text: string) => {
  const terms = new Set(indexTerms(text));
  const asked = queryTerms(query);
  return asked.length > 0 && asked.every((t) => terms.has(t));
};

describe('search terms', () => {
  it.each([
    ['EHCP', 'Applying for an EHC plan'],
    ['EHC plan', 'What goes in the EHCP'],
    ['education, health and care plan', 'Reviewing an EHCP each year'],
    ['SENCO', 'Talk to your SENCo first'],
    ['SENDCo', 'The SENCO coordinates support'],
    ['behavior', 'Behaviour is communication'],
    ['behaviors', 'Behaviour is communication'],
    ['ASD', 'Autistic pupils and sensory needs'],
    ['autism', 'Pupils with ASD'],
    ['DLD', 'Developmental language disorder is common'],
    ['language disorder', 'What DLD is'],
    ['mental health', 'SEMH: what it looks like'],
    ['SEMH', 'Social, emotional and mental health needs'],
    ['ADHD', 'Attention deficit hyperactivity disorder in class'],
    ['teaching assistant', 'Working with your TA'],
    ['speech and language therapist', 'When to ask SALT'],
    ['organize', 'How to organise the room'],
    ['pediatrician', 'A letter from the paediatrician'],
  ])('a query for “%s” finds “%s”', (query, text) => {
    expect(meets(query, text)).toBe(true);
  });

  it.each([
    ['adjustments', 'Reasonable adjustment under the Equality Act'],
    ['planning', 'Plan one small step'],
    ['assessed', 'Assessing needs early'],
    ['transitions', 'A good transition to secondary'],
    ['naïve', 'A naive question'],
  ])('stemming: “%s” finds “%s”', (query, text) => {
    expect(meets(query, text)).toBe(true);
  });

  it.each([
    ['autism', 'Dyslexia and reading'],
    ['EHCP', 'SEN support without a plan'],
    ['language disorder', 'Language of the Code'],
  ])('“%s” does not find “%s”', (query, text) => {
    expect(meets(query, text)).toBe(false);
  });

  it('keeps the words of a phrase in the index, so “plan” still finds “EHC plan”', () => {
    expect(meets('plan', 'Applying for an EHC plan')).toBe(true);
  });

  it('drops words too common to search for', () => {
    expect(queryTerms('the and of')).toEqual([]);
  });
});
