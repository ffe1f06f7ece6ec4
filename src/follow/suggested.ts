// Newsrooms whose articles are widely republished under open licences, offered in the
// options page: nothing here is contacted until the reader clicks "Follow" beside one.

export interface SuggestedNewsroom {
  readonly name: string;
  /** The feed followed on the click. */
  readonly feed: string;
  /** The licence its articles are republished under, in a word. */
  readonly licence: string;
}

export const SUGGESTED_NEWSROOMS: readonly SuggestedNewsroom[] = [
  { name: 'The Conversation (US)', feed: 'https://theconversation.com/us/articles.atom', licence: 'CC BY-ND' },
  { name: 'ProPublica', feed: 'https://www.propublica.org/feeds/propublica/main', licence: 'CC BY-NC-ND' },
  { name: 'Global Voices', feed: 'https://globalvoices.org/feed/', licence: 'CC BY' },
  { name: 'Grist', feed: 'https://grist.org/feed/', licence: 'CC BY-NC-ND' },
  { name: 'Inside Climate News', feed: 'https://insideclimatenews.org/feed/', licence: 'CC BY-NC-ND' },
  { name: 'KFF Health News', feed: 'https://kffhealthnews.org/feed/', licence: 'CC BY-NC-ND' },
  {
    name: 'Wikinews (English)',
    feed: 'https://en.wikinews.org/w/index.php?title=Special:NewsFeed&feed=atom&categories=Published&namespace=0&count=30',
    licence: 'CC BY',
  },
];
