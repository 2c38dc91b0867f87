using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Security;
using ActorTrading.Runtime.Cluster;
using Google.Protobuf.WellKnownTypes;
using ApiMember = ActorTrading.Api.V1.Member;

namespace ActorTrading.Host.Api;

/// <summary><c>actortrading.v1.Cluster</c> (admin): the members this node sees and where an account is placed.</summary>
public sealed class ClusterApi(ActorHost actors, TimeProvider time)
{
    private readonly Timestamp _joined = Timestamp.FromDateTimeOffset(time.GetUtcNow());

    public Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var cluster = Started();
        var self = cluster.MemberList.Self;
        var response = new ListMembersResponse();
        foreach (var m in cluster.MemberList.Members)
        {
            var member = new ApiMember { NodeId = m.Id, Address = m.Address };
            if (m.Id == self.Id)
            {
                member.ActiveAccounts = cluster.ActivationCount;
                member.Joined = _joined;
            }
            response.Members.Add(member);
        }
        return Task.FromResult(response);
    }

    public Task<AccountLocation> LocateAccount(LocateAccountRequest request, ServerCallContext context)
    {
        var cluster = Started();
        AccountAccess.Require(context, request.AccountId);
        var owner = RendezvousPlacementStrategy.Instance.Place(new ClusterIdentity(ActorRouter.AccountKind, request.AccountId), cluster.MemberList.Members);
        return Task.FromResult(new AccountLocation { AccountId = request.AccountId, NodeId = owner.Id, Address = owner.Address });
    }

    private Runtime.Cluster.Cluster Started() =>
        actors.IsStarted ? actors.Cluster : throw new RpcException(new Status(StatusCode.Unavailable, "the node is starting or stopping"));
}
