// Vite turns CSS imports into <link> tags at build time; TypeScript only needs to know they exist.
declare module '*.css';
