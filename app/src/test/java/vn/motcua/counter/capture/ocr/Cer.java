package vn.motcua.counter.capture.ocr;

import java.text.Normalizer;

/** Character error rate: edit distance over code points divided by the reference length, spacing normalised. */
public final class Cer {

    private Cer() {
    }

    public static double of(String reference, String hypothesis) {
        int[] ref = normalise(reference).codePoints().toArray();
        int[] hyp = normalise(hypothesis).codePoints().toArray();
        int[] prev = new int[hyp.length + 1];
        int[] cur = new int[hyp.length + 1];
        for (int j = 0; j <= hyp.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.length; j++) {
                int sub = prev[j - 1] + (ref[i - 1] == hyp[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return ref.length == 0 ? (hyp.length == 0 ? 0 : 1) : (double) prev[hyp.length] / ref.length;
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
