import '@testing-library/jest-dom';

// jsdom has no ResizeObserver; charts (recharts) measure their container
// with it. Nothing is laid out in jsdom, so observing does nothing.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoLayoutResizeObserver;
