export function App() {
  return <h1>FlowFate</h1>;
}
