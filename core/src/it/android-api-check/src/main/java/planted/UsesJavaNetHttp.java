package planted;

/** Uses an API that Android API 26 lacks; the build of this project must fail. */
public final class UsesJavaNetHttp {
  private UsesJavaNetHttp() {}

  /** Returns a java.net.http client, which does not exist on Android. */
  public static Object client() {
    return java.net.http.HttpClient.newHttpClient();
  }
}
