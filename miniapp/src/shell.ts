// Platform shell: nothing extra in the mini-program. shell.h5.ts adds the web portal's styles.
export {}
