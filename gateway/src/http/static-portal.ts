import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the built web portal at `/` with history fallback: any GET that is not the API and asks
 * for HTML gets index.html, so deep links into the single-page app work.
 */
export function servePortal(app: Express, portalDir: string): boolean {
  const index = path.join(portalDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use(express.static(portalDir, { index: false, maxAge: '1h' }));
  app.get(/^(?!\/graphql|\/healthz).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
