package vn.motcua.counter;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("motcua");
    }
}
