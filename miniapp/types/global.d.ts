/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    /** The API origin for the WeChat build. */
    TARO_APP_API_BASE: string;
    /** The API origin for the H5 build; empty = same origin. */
    TARO_APP_H5_API_BASE: string;
    /** 'true' only in .env.test: H5 makes its WeChat codes in the fake WeChat's format. */
    TARO_APP_WECHAT_TEST_MODE?: string;
  }
}
