import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies the defaults of a bare environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.BOT_ENABLED).toBe(true);
    expect(config.CORS_ORIGINS).toEqual(['http://localhost:3000', 'http://localhost:5173']);
  });

  it('stops start-up on a bad PORT with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ BOT_ENABLED: 'maybe', DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toMatch(/BOT_ENABLED/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('requires JWT_SECRET in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'development' }).JWT_SECRET).toBeUndefined();
  });

  it('keeps access tokens at 15 minutes unless ACCESS_TOKEN_TTL_S says otherwise (10 s–24 h)', () => {
    expect(loadConfig({}).ACCESS_TOKEN_TTL_S).toBe(900);
    expect(loadConfig({ ACCESS_TOKEN_TTL_S: '30' }).ACCESS_TOKEN_TTL_S).toBe(30);
    for (const bad of ['5', '86401', 'soon', '1.5']) {
      expect(() => loadConfig({ ACCESS_TOKEN_TTL_S: bad })).toThrow(/ACCESS_TOKEN_TTL_S/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });
});
