import type { Provider } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import { DiskFileStore } from './disk-file-store.js';
import { FILE_STORE, type FileStore } from './file-store.js';
import { S3FileStore } from './s3-file-store.js';

/** DATA_DIR/uploads unless S3_BUCKET names a bucket. */
export const fileStoreProvider: Provider = {
  provide: FILE_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): FileStore =>
    config.S3_BUCKET
      ? new S3FileStore({
          bucket: config.S3_BUCKET,
          endpoint: config.S3_ENDPOINT,
          region: config.S3_REGION,
          accessKeyId: config.S3_ACCESS_KEY_ID,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY,
          forcePathStyle: config.S3_FORCE_PATH_STYLE,
        })
      : new DiskFileStore(uploadsDir(config)),
};

/** Uploaded files (disk store) and uploads being received (either store). */
export function uploadsDir(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'uploads');
}
