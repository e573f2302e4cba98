// What Vite hands the inspector's sources: CSS as a string for the shadow root.
declare module '*.css?inline' {
  const css: string
  export default css
}
