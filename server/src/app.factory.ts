import fs from 'node:fs';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import helmet from 'helmet';
import { createLogger, PinoNestLogger, requestLogger } from './common/logger.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { Errors } from './common/app-error.js';
import { ErrorFilter } from './common/error.filter.js';
import { refuseDeepJson } from './common/json-depth.js';
import type { Clock } from './common/clock.js';
import { applyContract, routeFacts, type ContractSchemas } from './contract/openapi-contract.js';

function firstMessages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.includes(e.property) ? m : `${path}: ${m}`));
    return [...own, ...firstMessages(e.children ?? [], path)];
  });
}

export interface AppOverrides {
  clock?: Clock;
}

/** Builds the whole API (used by main.ts, the tests and the OpenAPI generator alike). */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides.clock), { bufferLogs: true });
  configureApp(app, config);
  await app.init();
  return app;
}

/** A bundle named by its content's hash, as the H5 build writes them (miniapp/config/index.ts, h5.output). */
const HASHED_ASSET = /[/\\](js|css)[/\\][^/\\]+\.[0-9a-f]{8,}\.(js|css)$/;

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  const logger = createLogger(config.logLevel);
  app.useLogger(new PinoNestLogger(logger));
  app.use(requestLogger(logger));
  // Only the proxies named in TRUST_PROXY may say who the client is (rate limits key on it); none by default.
  app.set('trust proxy', config.trustProxy.length ? config.trustProxy : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  // gzip the H5 bundle and long lists: on a phone's 3G transfer is most of the first screen's wait
  // (docs/performance.md). Small answers (a ticket, an action's result) cost more CPU to pack than they save.
  app.use(compression({ threshold: '4kb' }));
  // `verify` is not in Nest's type (it reserves it for rawBody, which Linli does not use) but reaches express.json as given.
  app.useBodyParser('json', { limit: '256kb', verify: refuseDeepJson } as NestExpressBodyParserOptionsFor<'json'>);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => Errors.validation(firstMessages(errors).join('; ') || '请求参数不正确'),
    }),
  );
  app.enableShutdownHooks();
  if (config.apiDocs) SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  if (fs.existsSync(config.h5Dir)) {
    app.useStaticAssets(config.h5Dir, {
      index: 'index.html',
      // The page itself is always revalidated so a deploy shows at once. The bundles it names carry their content's
      // hash in the name (js/app.1a2b3c4d.js): a new build makes new names, so they are kept for a year; other files an hour.
      setHeaders: (res, file) => res.setHeader('Cache-Control', file.endsWith('.html') ? 'no-cache' : HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600'),
    });
  }
}

/**
 * The API's OpenAPI document: routes and request schemas from the controllers, answers and errors from
 * the shared contract (by default its committed schemas; `npm run openapi -w server` passes fresh ones).
 */
export function buildOpenApi(app: NestExpressApplication, schemas?: ContractSchemas): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Linli 邻里 API')
    .setDescription('报事 → 派单 → 办理 → 办结 → 评价: the community governance API behind the Linli mini-program. Errors: docs/api-contract.md.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return applyContract(SwaggerModule.createDocument(app, doc), routeFacts(app), schemas);
}
