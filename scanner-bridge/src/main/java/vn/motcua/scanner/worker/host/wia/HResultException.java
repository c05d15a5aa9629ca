package vn.motcua.scanner.worker.host.wia;

/** A failed COM call: its HRESULT and which call it was. */
final class HResultException extends Exception {

    private final int hresult;

    HResultException(int hresult, String call) {
        super(Wia.hresultName(hresult) + " in " + call, null, false, false);
        this.hresult = hresult;
    }

    int hresult() {
        return hresult;
    }

    /** Throws when {@code hresult} is a failure (negative); S_FALSE and other success codes pass. */
    static int check(int hresult, String call) throws HResultException {
        if (Com.failed(hresult)) {
            throw new HResultException(hresult, call);
        }
        return hresult;
    }
}
