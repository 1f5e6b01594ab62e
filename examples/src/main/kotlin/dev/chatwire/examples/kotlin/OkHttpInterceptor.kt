// Your own OkHttpClient (the usual choice on Android): its interceptors carry ChatWire's
// requests. This one tags every request and logs each exchange, never the Authorization header.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.transport.okhttp.OkHttpTransport
import kotlinx.coroutines.runBlocking
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = okHttpInterceptor(Endpoint.fromArgs(args), System.out)

fun okHttpInterceptor(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    val okHttp = OkHttpClient.Builder()
        .addInterceptor(Interceptor { chain ->
            val request = chain.request().newBuilder().header("X-Client-Tag", "examples").build()
            out.println("--> ${request.method} ${request.url.encodedPath}")
            chain.proceed(request).also { out.println("<-- ${it.code} ${it.header("Content-Type")}") }
        })
        .build()
    // The transport is yours to close; closing it leaves okHttp running for your other calls.
    OkHttpTransport.create(okHttp).use { transport ->
        ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).transport(transport).build().use { client ->
            out.println("answer: ${client.chat().await(chatRequest(model = endpoint.model) { user("Say hi.") }).text}")
        }
    }
    okHttp.dispatcher.executorService.shutdown()
    okHttp.connectionPool.evictAll()
}
