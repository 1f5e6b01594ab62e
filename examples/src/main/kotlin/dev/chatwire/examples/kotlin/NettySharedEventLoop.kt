// ChatWire on the Netty event loop your server already runs: three answers stream at once on one
// thread, and the group stays yours (closing the transport leaves it running).
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.accumulate
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.kotlin.streamFlow
import dev.chatwire.transport.netty.NettyTransport
import io.netty.channel.nio.NioEventLoopGroup
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = nettySharedEventLoop(Endpoint.fromArgs(args), System.out)

fun nettySharedEventLoop(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    val group = NioEventLoopGroup(1)   // your application's event loop
    try {
        NettyTransport.create(group).use { transport ->
            ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).transport(transport).build().use { client ->
                val answers = listOf("Lima", "Oslo", "Pune").map { city ->
                    async {
                        client.chat().streamFlow(chatRequest(model = endpoint.model) { user("One fact about $city, in ten words.") })
                            .accumulate()
                    }
                }
                answers.awaitAll().forEach { out.println(it.text) }
                out.println("group still running: ${!group.isShuttingDown}")
            }
        }
    } finally {
        group.shutdownGracefully()
    }
}
