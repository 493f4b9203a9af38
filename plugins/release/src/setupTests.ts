import '@testing-library/jest-dom';

// jsdom has no ResizeObserver; charts (recharts) measure their container
// with it. Nothing is laid out in jsdom, so observing does nothing.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoLayoutResizeObserver;

// Forms are filled keystroke by keystroke through user-event, which takes
// seconds per test when the whole suite shares two cores; jest's 5 s default
// would cut such a test off mid-typing and let its keystrokes land in the next.
jest.setTimeout(30_000);
