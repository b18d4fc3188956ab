import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, SECURITY_HEADERS } from './securityHeaders.ts';

describe('the security headers', () => {
  it('allow nothing inline, nothing evaluated and nothing from another origin', () => {
    const policy = contentSecurityPolicy({ meta: false });
    expect(policy).not.toMatch(/unsafe-|\*|https?:|data:/);
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('leave out of the <meta> policy what a <meta> cannot hold', () => {
    expect(contentSecurityPolicy({ meta: true })).toBe(contentSecurityPolicy({ meta: false }).replace("; frame-ancestors 'none'", ''));
  });

  it('are written for static hosts exactly as the preview server sends them', () => {
    const file = headersFile();
    expect(file.split('\n')[1]).toBe('/*');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(file).toContain(`\n  ${name}: ${value}\n`);
  });

  it('have static hosts revalidate the service worker, so a new version is found', () => {
    expect(headersFile()).toContain('\n/sw.js\n  Cache-Control: no-cache\n');
  });
});
