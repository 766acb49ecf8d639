// A zone's security-level gap: how many levels its SL-C from the controls is short of its SL-T.
export const slGap = (z: { slTarget: number; slC: number }) => Math.max(0, z.slTarget - z.slC);
