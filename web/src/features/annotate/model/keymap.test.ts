import { describe, expect, it } from "vitest";
import { actionForKey } from "./keymap";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const idle = { typing: false, overlayOpen: false };
const typing = { typing: true, overlayOpen: false };

describe("actionForKey", () => {
  it("maps number keys to choices, 0 to the tenth", () => {
    expect(actionForKey(press("1"), idle)).toEqual({ type: "choose", index: 0 });
    expect(actionForKey(press("9"), idle)).toEqual({ type: "choose", index: 8 });
    expect(actionForKey(press("0"), idle)).toEqual({ type: "choose", index: 9 });
  });

  it("maps A, B and T to the preference sides", () => {
    expect(actionForKey(press("a"), idle)).toEqual({ type: "prefer", side: "A" });
    expect(actionForKey(press("B"), idle)).toEqual({ type: "prefer", side: "B" });
    expect(actionForKey(press("t"), idle)).toEqual({ type: "prefer", side: "tie" });
  });

  it("leaves plain keys to text boxes but submits from them with Ctrl+Enter", () => {
    expect(actionForKey(press("1"), typing)).toBeNull();
    expect(actionForKey(press("a"), typing)).toBeNull();
    expect(actionForKey(press("?"), typing)).toBeNull();
    expect(actionForKey(press("Enter", { ctrlKey: true }), typing)).toEqual({ type: "submit" });
    expect(actionForKey(press("Enter", { metaKey: true }), idle)).toEqual({ type: "submit" });
    expect(actionForKey(press("s", { ctrlKey: true }), typing)).toEqual({ type: "saveDraft" });
  });

  it("ignores keys with Alt or Ctrl that are not commands", () => {
    expect(actionForKey(press("1", { altKey: true }), idle)).toBeNull();
    expect(actionForKey(press("a", { ctrlKey: true }), idle)).toBeNull();
    expect(actionForKey(press("Enter"), idle)).toBeNull();
  });

  it("toggles and closes the overlay", () => {
    expect(actionForKey(press("?"), idle)).toEqual({ type: "toggleHelp" });
    expect(actionForKey(press("Escape"), { typing: false, overlayOpen: true })).toEqual({ type: "closeOverlay" });
    expect(actionForKey(press("Escape"), idle)).toBeNull();
  });
});
