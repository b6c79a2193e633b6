// The mini-program loads its pages from its own package; H5 takes first-page.h5.ts instead.
export {}
